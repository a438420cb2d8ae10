package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.RiskLimits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.tradekit.risk.TestAccount.BTC;
import static io.tradekit.risk.TestAccount.ETH;
import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskReportTest {

    private final TestAccount account = new TestAccount();
    private final RiskAssessor withDrawdownLimit = new RiskAssessor(RiskLimits.builder().maxDrawdown(d("0.05")).build());

    @Test
    void flatAccountAtItsPeakIsLow() {
        RiskReport r = withDrawdownLimit.assess(account, List.of(BTC));
        assertThat(r.level()).isEqualTo(RiskLevel.LOW);
        assertThat(r.findings()).isEmpty();
        assertThat(r.recommendations()).containsExactly("risk is low: no action needed");
        assertThat(r.time()).isEqualTo(account.now());
    }

    @Test
    void drawdownAtHalfTheLimitIsMediumAndAtFourFifthsHigh() {
        account.equity("9700");
        RiskReport medium = withDrawdownLimit.assess(account, List.of());
        assertThat(medium.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(medium.recommendations()).containsExactly(
                "drawdown 3 % is 60 % of max-drawdown 5 %: cut position sizes so that the next losses cannot reach the limit");

        account.equity("9600");
        assertThat(withDrawdownLimit.assess(account, List.of()).level()).isEqualTo(RiskLevel.HIGH);
        account.equity("9500");
        RiskReport critical = withDrawdownLimit.assess(account, List.of());
        assertThat(critical.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(critical.metrics().drawdown()).isEqualByComparingTo("0.05");
    }

    @Test
    void bookThatAFivePercentMoveTakesToTheDailyLimitIsCritical() {
        account.price(BTC, "50000").position(BTC, "0.2", "50000");
        RiskReport r = new RiskAssessor(RiskLimits.builder().maxDailyLoss(d("500")).build()).assess(account, List.of(BTC));
        assertThat(r.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(r.findings()).extracting(RiskFinding::metric).containsExactly("stress");
        assertThat(r.recommendations()).containsExactly(
                "a -5 % move reaches max-daily-loss (equity after 9500): reduce positions until such a move stays within the limits");
        assertThat(r.metrics().stress()).hasSize(6);
        assertThat(r.metrics().grossExposure()).isEqualByComparingTo("1");
    }

    @Test
    void heldSymbolInHighVolatilityIsHighAndTheBookGetsItsTailRisk() {
        List<Bar> bars = SyntheticBars.waveThenSpike(BTC, 150, 3);
        String last = bars.getLast().close().toPlainString();
        account.bars(BTC, bars).price(BTC, last).position(BTC, "10", last);
        RiskReport r = new RiskAssessor(RiskLimits.none()).assess(account, List.of(BTC));

        assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.metrics().regimes().get(BTC).regime()).isEqualTo(MarketRegime.HIGH_VOLATILITY);
        assertThat(r.findings()).extracting(RiskFinding::metric).containsExactly("regime");

        // The book is 10 BTC over equity 10000; it was valued over the last 120 bars (119 returns).
        double weight = 10 * Double.parseDouble(last) / 10000;
        List<Bar> window = bars.subList(bars.size() - 120, bars.size());
        double[] book = new double[119];
        for (int i = 1; i < 120; i++) {
            book[i - 1] = weight * (window.get(i).close().doubleValue() / window.get(i - 1).close().doubleValue() - 1);
        }
        Arrays.sort(book);
        // 1 % of 119 rounds up to 2 returns; 5 % of 119 rounds up to 6.
        assertThat(r.metrics().tailRisk(VarMethod.HISTORICAL, Confidence.P99).orElseThrow().valueAtRisk()).isCloseTo(-book[1], within(1e-12));
        assertThat(r.metrics().tailRisk(VarMethod.HISTORICAL, Confidence.P95).orElseThrow().valueAtRisk()).isCloseTo(-book[5], within(1e-12));
        assertThat(r.metrics().portfolioTailRisk()).hasSize(4);
    }

    @Test
    void twoLongsThatMoveTogetherAreOneBet() {
        List<Bar> btc = SyntheticBars.flatWave(BTC, 150);
        List<Bar> eth = btc.stream().map(b -> new Bar(ETH, b.timeframe(), b.openTime(), b.open().multiply(d("20")),
                b.high().multiply(d("20")), b.low().multiply(d("20")), b.close().multiply(d("20")), b.volume())).toList();
        account.bars(BTC, btc).bars(ETH, eth).price(BTC, "100").price(ETH, "2000")
                .position(BTC, "1", "100").position(ETH, "0.1", "2000");
        RiskReport r = new RiskAssessor(RiskLimits.none()).assess(account, List.of(BTC, ETH));
        assertThat(r.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(r.findings()).extracting(RiskFinding::observation)
                .containsExactly("BTCUSDT and ETHUSDT positions move together (correlation 1 over 30 bars)");
        assertThat(r.metrics().correlations()).singleElement().satisfies(c -> assertThat(c.correlation()).isCloseTo(1, within(1e-9)));
    }

    @Test
    void varThatCouldUseUpMostOfTheDailyAllowanceIsReported() {
        List<Bar> bars = SyntheticBars.flatWave(BTC, 150);
        account.bars(BTC, bars).price(BTC, "99.5").position(BTC, "100", "99.5");
        RiskReport r = new RiskAssessor(RiskLimits.builder().maxDailyLoss(d("150")).build()).assess(account, List.of(BTC));
        RiskFinding var = r.findings().stream().filter(f -> f.metric().equals("value-at-risk")).findFirst().orElseThrow();
        // The wave's worst bar is 100.5 -> 99.5 (-0.995 %); the book is 0.995x equity, so VaR is about 99 of 150.
        assertThat(var.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(var.observation()).startsWith("one-bar 99 % VaR 99.0");
        assertThat(r.level()).as("a 5 % fall would lose 497.5, over the limit").isEqualTo(RiskLevel.CRITICAL);
    }
}
