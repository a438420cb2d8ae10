package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolatilityScaledLimitsTest {

    private final RiskPolicy policy = Policies.enforcing(VolatilityScaledLimitsProvider.SCALING,
            RiskLimits.builder().maxOrderNotional(d("1000")).limit(VolatilityScaledLimitsProvider.SCALING, "0.25").build());
    private final TestAccount account = new TestAccount().price(BTC, "100");
    private final OrderIntent order = OrderIntent.limit(BTC, Side.BUY, d("5"), d("100"));

    @Test
    void factorFallsLinearlyAboveTheStartPercentile() {
        VolatilityScaling s = new VolatilityScaling(0.5, d("0.25"));
        assertThat(s.factor(0.3)).isEqualByComparingTo("1");
        assertThat(s.factor(0.5)).isEqualByComparingTo("1");
        assertThat(s.factor(0.75)).isEqualByComparingTo("0.625");
        assertThat(s.factor(1.0)).isEqualByComparingTo("0.25");
    }

    @Test
    void limitsShrinkWhenVolatilitySpikes() {
        account.bars(BTC, SyntheticBars.waveThenSpike(BTC, 150, 3));
        // Percentile 0.995: factor 1 - 0.75 * (0.995 - 0.5) / 0.5 = 0.2575, so the 1000 cap becomes 257.5.
        RiskDecision d = policy.check(order, account);
        assertThat(d).isEqualTo(RiskDecision.resize(new BigDecimal("2.575"),
                "order notional 500 exceeds max-order-notional 257.5; resized 5 -> 2.575 BTCUSDT"
                        + " (limits scaled by 0.2575 for BTCUSDT volatility at percentile 0.995, volatility-scaling 0.25)"));
    }

    @Test
    void calmMarketLeavesTheLimitsAlone() {
        account.bars(BTC, SyntheticBars.flatWave(BTC, 150));
        assertThat(policy.check(order, account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void tooFewBarsLeaveTheLimitsAlone() {
        account.bars(BTC, SyntheticBars.waveThenSpike(BTC, 60, 3));
        assertThat(policy.check(order, account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void scalingWithoutASizeLimitIsRefused() {
        assertThatThrownBy(() -> new VolatilityScaledLimitsProvider().create(RiskLimits.builder()
                .maxDrawdown(d("0.1")).limit(VolatilityScaledLimitsProvider.SCALING, "0.5").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("risk limit 'volatility-scaling' is set but max-order-notional / max-position / max-position-base / max-exposure is not: it has nothing to modify");
    }
}
