package io.tradekit.risk;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.ETH;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

class StaleDataPolicyTest {

    private final RiskPolicy policy = Policies.enforcing(RiskLimits.MAX_DATA_AGE, RiskLimits.builder().maxDataAge(Duration.ofMinutes(5)).build());
    private final TestAccount account = new TestAccount().price(BTC, "50000");
    private final OrderIntent buy = OrderIntent.market(BTC, Side.BUY, d("0.01"));

    @Test
    void dataExactlyAsOldAsTheLimitIsFresh() {
        account.advance(Duration.ofMinutes(5));
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.allow());
        assertThat(policy.assess(account)).isEqualTo(SafetyVerdict.ok("stale-data"));
    }

    @Test
    void staleDataBlocksNewExposureAndAsksToPause() {
        account.advance(Duration.ofMinutes(5).plusSeconds(1));
        String why = "market data for BTCUSDT is PT5M1S old, older than max-data-age PT5M";
        assertThat(policy.check(buy, account)).isEqualTo(RiskDecision.block(why));
        assertThat(policy.assess(account)).isEqualTo(new SafetyVerdict(SafetyAction.PAUSE, "stale-data", why));
        assertThat(Policies.show(policy.usage(account))).containsExactly("max-data-age 301/300");
    }

    @Test
    void heldSymbolGoingStalePausesTheBotEvenWithoutNewOrders() {
        account.position(BTC, "0.1", "50000").advance(Duration.ofMinutes(10));
        assertThat(policy.assess(account).action()).isEqualTo(SafetyAction.PAUSE);
    }

    @Test
    void reducingOrderPassesOnStaleData() {
        account.position(BTC, "0.1", "50000").advance(Duration.ofHours(1));
        assertThat(policy.check(OrderIntent.market(BTC, Side.SELL, d("0.1")), account)).isEqualTo(RiskDecision.allow());
    }

    @Test
    void symbolWithoutDataIsBlockedButDoesNotPauseTheBot() {
        assertThat(policy.check(OrderIntent.market(ETH, Side.BUY, d("1")), account))
                .isEqualTo(RiskDecision.block("no market data yet for ETHUSDT (max-data-age PT5M)"));
        assertThat(policy.assess(account).action()).isEqualTo(SafetyAction.CONTINUE);
    }
}
