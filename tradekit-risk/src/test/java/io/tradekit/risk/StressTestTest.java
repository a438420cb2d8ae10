package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.ETH;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StressTestTest {

    // Long 0.1 BTC (5000) and short 2 ETH (5000); equity 10000, peak 10500, day start 10200.
    private final TestAccount account = new TestAccount().equity("10000").peakEquity("10500").dayStartEquity("10200")
            .price(BTC, "50000").price(ETH, "2500").position(BTC, "0.1", "48000").position(ETH, "-2", "2600");
    private final StressTest stress = new StressTest(RiskLimits.builder().maxDrawdown(d("0.1")).maxDailyLoss(d("1000")).build());

    @Test
    void aMoveOfTheWholeMarketCancelsOutInAHedgedBook() {
        StressResult r = stress.run(account, PriceShock.all("-0.10"));
        assertThat(r.pnl()).isEqualByComparingTo("0");
        assertThat(r.equityAfter()).isEqualByComparingTo("10000");
        assertThat(r.breaches()).isFalse();
    }

    @Test
    void aFallInTheLongLegBreachesBothLimits() {
        StressResult r = stress.run(account, PriceShock.on(BTC, "-0.20"));
        assertThat(r.pnl()).isEqualByComparingTo("-1000");
        assertThat(r.equityAfter()).isEqualByComparingTo("9000");
        assertThat(r.drawdownAfter().doubleValue()).isCloseTo(1500.0 / 10500, within(1e-15));
        assertThat(r.dailyLossAfter()).isEqualByComparingTo("1200");
        assertThat(r.breachedRules()).containsExactly(RiskLimits.MAX_DRAWDOWN, RiskLimits.MAX_DAILY_LOSS);
    }

    @Test
    void aRiseHurtsTheShortLeg() {
        StressResult r = stress.run(account, PriceShock.on(ETH, "0.05"));
        assertThat(r.pnl()).isEqualByComparingTo("-250");
        assertThat(r.dailyLossAfter()).isEqualByComparingTo("450");
        assertThat(r.breaches()).isFalse();
    }

    @Test
    void reachingALimitExactlyCountsAsABreach() {
        StressTest tight = new StressTest(RiskLimits.builder().maxDailyLoss(d("450")).build());
        assertThat(tight.run(account, PriceShock.on(ETH, "0.05")).breachedRules()).containsExactly(RiskLimits.MAX_DAILY_LOSS);
    }

    @Test
    void standardShocksRunInOrder() {
        List<StressResult> all = stress.run(account, PriceShock.standard());
        assertThat(all).extracting(r -> r.shock().toString()).containsExactly("-5 %", "-10 %", "-20 %", "+5 %", "+10 %", "+20 %");
        assertThat(all).allSatisfy(r -> assertThat(r.pnl()).isEqualByComparingTo("0"));
    }

    @Test
    void aShockOfMinusOneHundredPercentIsRefused() {
        assertThatThrownBy(() -> PriceShock.all("-1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("change -1 is -100 % or worse");
    }
}
