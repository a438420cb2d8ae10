package io.tradekit.strategies;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import io.tradekit.data.DataSets;
import io.tradekit.strategies.confluence.Confluence;
import io.tradekit.strategies.confluence.Decision;
import io.tradekit.strategies.confluence.GateCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's done-when on real data: a confluence of sma-cross (5 over 20) and rsi (14, 30/70) on ETH/USD 5m bars
 * (eth-usd-5m: 580 bars from 2023-03-13 18:00 UTC, no gap), entries confirmed by the 1h trend (SMA3 over SMA6 of the
 * hour closes), a side needing half the weights. The votes are worked out here from the bars, apart from the
 * strategies, and checked on every decision; five chosen bars are checked by hand below.
 */
class ConfluenceOnEthDataTest {

    static List<Bar> bars;
    static List<BigDecimal> closes;
    static Confluence confluence;
    static BacktestResult result;

    static final Map<String, String> PARAMS = Map.of("members", "sma-cross,rsi", "sma-cross.fast", "5", "sma-cross.slow", "20",
            "rsi.period", "14", "rsi.oversold", "30", "rsi.overbought", "70", "minAgreement", "0.5",
            "trend.timeframe", "1h", "trend.fast", "3", "trend.slow", "6");

    @BeforeAll
    static void run() {
        bars = DataSets.load("eth-usd-5m");
        closes = bars.stream().map(Bar::close).toList();
        confluence = (Confluence) Plugins.discover().strategy("confluence").create(Params.of("confluence", PARAMS));
        result = TradeKit.backtest().bars(bars).strategy("confluence", confluence).cash(new BigDecimal("10000")).feeBps(BigDecimal.ZERO).run();
    }

    /** The closes of the whole hours closed by bar {@code i}: every hour here is whole (the data starts at 18:00, no gap). */
    static List<BigDecimal> hourCloses(int i) {
        return ConfluenceByHand.hourCloses(bars, i);
    }

    static BigDecimal lastMean(List<BigDecimal> values, int n) {
        return ConfluenceByHand.lastMean(values, n);
    }

    /** The bar whose close time is {@code time}. */
    static int at(String time) {
        Instant close = Instant.parse(time);
        for (int i = 0; i < bars.size(); i++) if (bars.get(i).closeTime().equals(close)) return i;
        throw new AssertionError("no bar closes at " + time);
    }

    static Decision decisionAt(String time) {
        return confluence.decisions().stream().filter(d -> d.time().equals(Instant.parse(time))).findFirst().orElseThrow();
    }

    @Test
    void everyDecisionHasTheVotesAndOutcomeWorkedOutFromTheBars() {
        // The 6th whole hour (23:00-00:00) closes with the bar closing at 2023-03-14T00:00, index 71.
        assertThat(ConfluenceByHand.firstDecidingBar(bars)).isEqualTo(71).isEqualTo(at("2023-03-14T00:00:00Z"));
        ConfluenceByHand.Worked worked = ConfluenceByHand.work(bars);
        List<ConfluenceByHand.Expected> expected = worked.decisions();

        List<Decision> recorded = confluence.decisions();
        assertThat(recorded).hasSameSizeAs(expected).hasSizeGreaterThan(40);
        for (int k = 0; k < expected.size(); k++) {
            ConfluenceByHand.Expected want = expected.get(k);
            Decision got = recorded.get(k);
            assertThat(got.time()).as("decision %d", k).isEqualTo(want.time());
            assertThat(got.vote("sma-cross").orElseThrow().signal() + "," + got.vote("rsi").orElseThrow().signal()).as("votes at %s", want.time())
                    .isEqualTo(want.votes());
            assertThat(got.buyFraction()).as("buy at %s", want.time()).isEqualByComparingTo(want.buy());
            assertThat(got.sellFraction()).as("sell at %s", want.time()).isEqualByComparingTo(want.sell());
            assertThat(got.outcome()).as("outcome at %s", want.time()).isEqualTo(want.outcome());
        }
        assertThat(result.fills()).extracting(Fill::side).containsExactlyElementsOf(worked.fills());
        assertThat(confluence.counts().decisions()).isEqualTo(expected.size());
    }

    @Test
    void aReplayDecidesTheSameOnEveryBar(@TempDir Path dir) {
        Confluence replayed = (Confluence) Plugins.discover().strategy("confluence").create(Params.of("confluence", PARAMS));

        BacktestResult replay = io.tradekit.core.Replay.over(bars).strategy("confluence", replayed).cash(new BigDecimal("10000"))
                .feeBps(BigDecimal.ZERO).database(dir.resolve("bot.db")).run();

        assertThat(replayed.decisions()).hasSameSizeAs(confluence.decisions());
        for (int k = 0; k < confluence.decisions().size(); k++) {
            Decision backtest = confluence.decisions().get(k);
            Decision live = replayed.decisions().get(k);
            assertThat(live.time()).isEqualTo(backtest.time());
            assertThat(live.votes()).isEqualTo(backtest.votes());
            assertThat(live.outcome()).isEqualTo(backtest.outcome());
            assertThat(live.checks()).isEqualTo(backtest.checks());
        }
        assertThat(replay.fills()).extracting(Fill::side, Fill::price, Fill::time)
                .containsExactlyElementsOf(result.fills().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.side(), f.price(), f.time())).toList());
    }

    @Test
    void smaCrossBuysAloneWithTheHourlyTrendAt0030() {
        // Bar 77, closing 2023-03-14T00:30. Closes of bars 73..77: 1676.0, 1671.47, 1680.05, 1678.75, 1679.35:
        // SMA5 = 8385.62 / 5 = 1677.124; SMA20 = 33533.60 / 20 = 1676.68: fast above slow. At bar 76 SMA5 1676.418 was
        // below SMA20 1676.679: a cross up, sma-cross votes BUY.
        // RSI14 (Wilder, seeded with the mean of the first 14 changes): average gain 1.373589, average loss 1.188256
        // -> 100 - 100 / (1 + 1.15597) = 53.617:
        // between 30 and 70, rsi holds. BUY 1 of 2 = 0.5 >= 0.5.
        // The bot is flat: the trend of the hours closed by 00:00 (18:00..23:00 on the 13th): 1680.13, 1680.81, 1670.57,
        // 1673.0, 1684.37, 1678.57: SMA3 = 5036.94 / 3 = 1678.6467 > SMA6 = 10067.45 / 6 = 1677.9083: with the BUY.
        int i = at("2023-03-14T00:30:00Z");
        assertThat(SmaCrossTest.mean(closes, i, 5)).isEqualByComparingTo("1677.124");
        assertThat(SmaCrossTest.mean(closes, i, 20)).isEqualByComparingTo("1676.68");
        assertThat(RsiTest.rsi(closes, 14)[i]).isBetween(53.61, 53.62);
        assertThat(hourCloses(i).subList(0, 6)).extracting(BigDecimal::toPlainString)
                .containsExactly("1680.13", "1680.81", "1670.57", "1673", "1684.37", "1678.57");

        Decision d = decisionAt("2023-03-14T00:30:00Z");
        assertThat(d.vote("sma-cross").orElseThrow().signal()).isEqualTo(Signal.BUY);
        assertThat(d.vote("rsi").orElseThrow().signal()).isEqualTo(Signal.HOLD);
        assertThat(d.buyFraction()).isEqualByComparingTo("0.5");
        assertThat(d.check("trend").orElseThrow().detail()).isEqualTo("1h SMA3 1678.6467 > SMA6 1677.9083");
        assertThat(d.outcome()).isEqualTo(Signal.BUY);
        assertThat(result.fills().getFirst().side()).isEqualTo(Side.BUY);
        assertThat(result.fills().getFirst().price()).isEqualByComparingTo("1679.35");
        assertThat(result.fills().getFirst().time()).isEqualTo(Instant.parse("2023-03-14T00:30:00Z"));
    }

    @Test
    void aCrossUpAgainstTheFallingHourlyTrendIsHeldBackAt0335() {
        // Bar 114, closing 03:35. Closes 1674.69, 1679.12, 1676.6, 1679.85, 1680.89: SMA5 = 8391.15 / 5 = 1678.23 over
        // SMA20 = 33562.01 / 20 = 1678.1005 (at bar 113: 1676.64 under 1678.03): sma-cross BUY. RSI 56.98: hold.
        // Hours 21:00..02:00: 1673.0, 1684.37, 1678.57, 1670.6, 1681.31, 1674.24: SMA3 = 5026.15 / 3 = 1675.3833 <
        // SMA6 = 10062.09 / 6 = 1677.015: the hour falls, the entry waits.
        Decision d = decisionAt("2023-03-14T03:35:00Z");
        assertThat(SmaCrossTest.mean(closes, at("2023-03-14T03:35:00Z"), 5)).isEqualByComparingTo("1678.23");
        assertThat(d.vote("sma-cross").orElseThrow().signal()).isEqualTo(Signal.BUY);
        assertThat(d.vote("rsi").orElseThrow().signal()).isEqualTo(Signal.HOLD);
        assertThat(d.check("trend").orElseThrow().status()).isEqualTo(GateCheck.Status.BLOCKED);
        assertThat(d.check("trend").orElseThrow().detail()).isEqualTo("1h SMA3 1675.3833 < SMA6 1677.0150: against a BUY");
        assertThat(d.outcome()).isEqualTo(Signal.HOLD);
    }

    @Test
    void anOverboughtRsiClosesTheLongWithoutAskingTheTrendAt0515() {
        // Bar 134, closing 05:15: the close jumps 12.51 to 1697.41. RSI: average gain 1.696755, loss 0.551861 ->
        // 100 - 100 / (1 + 3.0746) = 75.46 > 70: rsi SELL. sma-cross crossed up one bar before (05:10) and holds now.
        // SELL 1 of 2 = 0.5; the bot is long since 05:10: an exit, no trend check.
        Decision d = decisionAt("2023-03-14T05:15:00Z");
        assertThat(RsiTest.rsi(closes, 14)[at("2023-03-14T05:15:00Z")]).isBetween(75.45, 75.46);
        assertThat(d.vote("sma-cross").orElseThrow().signal()).isEqualTo(Signal.HOLD);
        assertThat(d.vote("rsi").orElseThrow().signal()).isEqualTo(Signal.SELL);
        assertThat(d.check("trend")).isEmpty();
        assertThat(d.outcome()).isEqualTo(Signal.SELL);
        assertThat(result.fills()).filteredOn(f -> f.time().equals(Instant.parse("2023-03-14T05:15:00Z")))
                .singleElement().satisfies(f -> assertThat(f.side()).isEqualTo(Side.SELL));
    }

    @Test
    void aCrossUpAndAnOverboughtRsiCancelOutAt1235() {
        // Bar 222, closing 12:35: the close jumps 24.51 to 1711.56. SMA5 = 8464.01 / 5 = 1692.802 over SMA20 =
        // 33802.39 / 20 = 1690.1195 (at bar 221: 1688.31 under 1688.7645): sma-cross BUY. RSI: gain 2.611877, loss
        // 0.808541 -> 76.36 > 70: rsi SELL. BUY 0.5, SELL 0.5: neither is more than the other.
        Decision d = decisionAt("2023-03-14T12:35:00Z");
        assertThat(SmaCrossTest.mean(closes, at("2023-03-14T12:35:00Z"), 20)).isEqualByComparingTo("1690.1195");
        assertThat(d.vote("sma-cross").orElseThrow().signal()).isEqualTo(Signal.BUY);
        assertThat(d.vote("rsi").orElseThrow().signal()).isEqualTo(Signal.SELL);
        assertThat(d.buyFraction()).isEqualByComparingTo("0.5");
        assertThat(d.sellFraction()).isEqualByComparingTo("0.5");
        assertThat(d.outcome()).isEqualTo(Signal.HOLD);
        assertThat(d.reason()).startsWith("no agreement: buy 0.5, sell 0.5 of the weights");
    }

    @Test
    void anOversoldRsiAgainstTheFallingHourIsHeldBackAt1915() {
        // Bar 302, closing 19:15: the close drops 24.20 to 1708.13. RSI: gain 1.539107, loss 4.462219 -> 100 - 100 /
        // (1 + 0.3449) = 25.65 < 30: rsi BUY; sma-cross holds (fast under slow since before). Hours 13:00..18:00: 1734.56,
        // 1765.0, 1775.19, 1769.35, 1760.01, 1729.53: SMA3 = 5258.89 / 3 = 1752.9633 < SMA6 = 10533.64 / 6 = 1755.6067.
        Decision d = decisionAt("2023-03-14T19:15:00Z");
        assertThat(RsiTest.rsi(closes, 14)[at("2023-03-14T19:15:00Z")]).isBetween(25.64, 25.65);
        assertThat(d.vote("rsi").orElseThrow().signal()).isEqualTo(Signal.BUY);
        assertThat(d.vote("sma-cross").orElseThrow().signal()).isEqualTo(Signal.HOLD);
        assertThat(d.check("trend").orElseThrow().detail()).isEqualTo("1h SMA3 1752.9633 < SMA6 1755.6067: against a BUY");
        assertThat(d.outcome()).isEqualTo(Signal.HOLD);
        assertThat(lastMean(hourCloses(at("2023-03-14T19:15:00Z")), 6)).isEqualByComparingTo("1755.606666666667");
    }
}
