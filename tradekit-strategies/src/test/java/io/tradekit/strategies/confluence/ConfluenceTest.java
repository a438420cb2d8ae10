package io.tradekit.strategies.confluence;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import io.tradekit.core.store.StateStores;
import io.tradekit.risk.MarketRegime;
import io.tradekit.risk.RegimeDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluenceTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instrument SOL = new Instrument("SOL-USD", "SOL", "USD", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            BigDecimal.ZERO, BigDecimal.ZERO);

    @TempDir
    Path dir;

    final ScriptedVotes.Provider scripted = new ScriptedVotes.Provider();
    final Plugins plugins = Plugins.discover().register(scripted);

    /** 5m bars from midnight, the close moving by {@code step} a bar from 100; bars in {@code skipped} (open times) are left out. */
    static List<Bar> bars(int count, String step, List<Instant> skipped) {
        List<Bar> bars = new ArrayList<>();
        BigDecimal previous = new BigDecimal("100");
        for (int i = 0; i < count; i++) {
            BigDecimal close = previous.add(new BigDecimal(step));
            Instant open = T0.plusSeconds(300L * i);
            if (!skipped.contains(open)) {
                bars.add(new Bar("SOL-USD", Timeframe.M5, open, previous, previous.max(close), previous.min(close), close, BigDecimal.ONE));
            }
            previous = close;
        }
        return bars;
    }

    private Confluence confluence(Map<String, String> params) {
        return (Confluence) new ConfluenceProvider(plugins).create(Params.of("confluence", params));
    }

    private BacktestResult run(List<Bar> bars, Confluence confluence) {
        return TradeKit.backtest().bars(bars).instrument(SOL).strategy("confluence", confluence).plugins(plugins)
                .feeBps(BigDecimal.ZERO).cash(new BigDecimal("1000")).run();
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], pairs[i + 1]);
        return out;
    }

    @Test
    void aSideWinsWhenItsShareOfTheWeightsReachesTheMinimumAgreement() {
        Confluence confluence = confluence(params("members", "a,b,c", "minAgreement", "0.6",
                "a.strategy", "scripted", "a.weight", "2", "a.votes", "01:00=BUY,01:30=BUY,02:30=SELL",
                "b.strategy", "scripted", "b.votes", "01:30=BUY,02:00=SELL,02:30=SELL",
                "c.strategy", "scripted", "c.votes", "01:00=SELL,02:00=SELL"));

        BacktestResult result = run(bars(48, "0.1", List.of()), confluence);

        // weights 2, 1, 1 (total 4):
        // 01:00 a BUY, c SELL: buy 2/4 = 0.5 < 0.6  -> HOLD
        // 01:30 a BUY, b BUY:  buy 3/4 = 0.75       -> BUY
        // 02:00 b SELL, c SELL: sell 2/4 = 0.5      -> HOLD
        // 02:30 a SELL, b SELL: sell 3/4 = 0.75     -> SELL
        List<Decision> decisions = confluence.decisions();
        assertThat(decisions).extracting(d -> d.time().toString().substring(11, 16)).containsExactly("01:00", "01:30", "02:00", "02:30");
        assertThat(decisions).extracting(Decision::outcome).containsExactly(Signal.HOLD, Signal.BUY, Signal.HOLD, Signal.SELL);
        assertThat(decisions).extracting(Decision::buyFraction).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.5"), new BigDecimal("0.75"), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(decisions).extracting(Decision::sellFraction).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.25"), BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("0.75"));
        assertThat(decisions.getFirst().reason()).startsWith("no agreement: buy 0.5, sell 0.25 of the weights, 0.6 needed (a@5m BUY ×2, b@5m HOLD ×1, c@5m SELL ×1)");
        assertThat(decisions.get(1).vote("b").orElseThrow().signal()).isEqualTo(Signal.BUY);
        // the 01:30 bar is the 18th (close 100 + 18 × 0.1), the 02:30 bar the 30th
        assertThat(result.fills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
        assertThat(result.fills().get(0).price()).isEqualByComparingTo("101.8");
        assertThat(result.fills().get(1).price()).isEqualByComparingTo("103.0");
        assertThat(confluence.counts().decisions()).isEqualTo(4);
        assertThat(confluence.counts().buys()).isEqualTo(1);
        assertThat(confluence.counts().sells()).isEqualTo(1);
        assertThat(confluence.counts().holds()).isEqualTo(2);
        assertThat(confluence.counts().quietBars()).isEqualTo(48 - 4);
    }

    @Test
    void membersVoteButNeverTradeOrFlattenTheBot() {
        Confluence confluence = confluence(params("members", "pushy", "pushy.strategy", "scripted", "pushy.pushy", "true",
                "pushy.votes", "00:30=BUY", "minAgreement", "1"));

        BacktestResult result = run(bars(24, "0.1", List.of()), confluence);

        ScriptedVotes member = scripted.made.getLast();
        assertThat(member.submissions).singleElement().satisfies(s -> {
            assertThat(s.isSent()).isFalse();
            assertThat(s.deniedBy()).isEqualTo("confluence");
        });
        // the one order is the confluence's market BUY; the member's limit order and flatten never reached the bot
        assertThat(result.orders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.tag()).isEqualTo("signal");
        });
        assertThat(result.finalState()).isEqualTo(io.tradekit.api.BotState.STOPPED);
        assertThat(result.fills()).hasSize(1);
    }

    @Test
    void aMemberOnTheHourVotesOncePerHourAndItsVoteStandsUntilTheNextHour() {
        Confluence confluence = confluence(params("members", "hourly,fast", "minAgreement", "1",
                "hourly.strategy", "scripted", "hourly.timeframe", "1h", "hourly.votes", "02:00=BUY",
                "fast.strategy", "scripted", "fast.votes", "02:10=BUY,02:55=BUY,03:10=BUY"));

        run(bars(60, "0.1", List.of()), confluence);

        ScriptedVotes hourly = scripted.made.get(0);
        assertThat(hourly.barsSeen).extracting(Bar::timeframe).containsOnly(Timeframe.H1);
        assertThat(hourly.contextTimeframes).containsOnly(Timeframe.H1);
        // hours 00:00..04:00 closed by the 5m bars of 00:00..04:55
        assertThat(hourly.barsSeen).extracting(Bar::closeTime).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200),
                T0.plusSeconds(10_800), T0.plusSeconds(14_400), T0.plusSeconds(18_000));
        // The hour 01:00-02:00 votes BUY at its close (02:00) and its vote stands on the twelve 5m bars closing 02:00..02:55:
        // a decision on each. With a minimum agreement of 1 only 02:10 and 02:55, where the 5m member agrees, are BUY
        // (the second while long: no order). At 03:10 the hour 02:00-03:00 holds: 1/2 < 1.
        List<Decision> decisions = confluence.decisions();
        assertThat(decisions).hasSize(13);
        assertThat(decisions.getFirst().time()).isEqualTo(Instant.parse("2024-01-01T02:00:00Z"));
        assertThat(decisions.get(11).time()).isEqualTo(Instant.parse("2024-01-01T02:55:00Z"));
        assertThat(decisions).filteredOn(d -> d.outcome() == Signal.BUY).extracting(d -> d.time().toString().substring(11, 16))
                .containsExactly("02:10", "02:55");
        assertThat(decisions.subList(0, 12)).allSatisfy(d -> {
            assertThat(d.vote("hourly").orElseThrow().barTime()).isEqualTo(Instant.parse("2024-01-01T02:00:00Z"));
            assertThat(d.vote("hourly").orElseThrow().signal()).isEqualTo(Signal.BUY);
        });
        Decision last = decisions.getLast();
        assertThat(last.time()).isEqualTo(Instant.parse("2024-01-01T03:10:00Z"));
        assertThat(last.outcome()).isEqualTo(Signal.HOLD);
        assertThat(last.vote("hourly").orElseThrow().barTime()).isEqualTo(Instant.parse("2024-01-01T03:00:00Z"));
        assertThat(last.vote("hourly").orElseThrow().signal()).isEqualTo(Signal.HOLD);
    }

    @Test
    void theHourlyTrendLetsAnEntryWithItAndHoldsOneAgainstItBack() {
        Map<String, String> p = params("members", "a", "a.strategy", "scripted", "a.votes", "05:00=BUY",
                "trend.timeframe", "1h", "trend.fast", "2", "trend.slow", "4");

        Confluence rising = confluence(p);
        BacktestResult up = run(bars(72, "0.1", List.of()), rising);
        Confluence falling = confluence(p);
        BacktestResult down = run(bars(72, "-0.1", List.of()), falling);

        // rising by 0.1 a bar, hour closes 101.2, 102.4, 103.6, 104.8, 106.0 (01:00..05:00): SMA2 of the last two hours
        // (104.8 + 106.0) / 2 = 105.4 > SMA4 (102.4 + 103.6 + 104.8 + 106.0) / 4 = 104.2
        Decision taken = rising.decisions().getFirst();
        assertThat(taken.outcome()).isEqualTo(Signal.BUY);
        assertThat(taken.check("trend").orElseThrow().detail()).isEqualTo("1h SMA2 105.4000 > SMA4 104.2000");
        assertThat(up.fills()).hasSize(1);
        // falling: 98.8, 97.6, 96.4, 95.2, 94.0: SMA2 94.6 < SMA4 95.8
        Decision held = falling.decisions().getFirst();
        assertThat(held.outcome()).isEqualTo(Signal.HOLD);
        assertThat(held.check("trend").orElseThrow().status()).isEqualTo(GateCheck.Status.BLOCKED);
        assertThat(held.reason()).startsWith("BUY held back by trend blocked: 1h SMA2 94.6000 < SMA4 95.8000: against a BUY");
        assertThat(down.orders()).isEmpty();
        assertThat(falling.counts().heldBack()).isEqualTo(1);
    }

    @Test
    void noDecisionWhenTheLatestHourIsOlderThanTheStaleLimit() {
        List<Instant> gap = new ArrayList<>();
        // nothing from 02:00 to 04:55: the first bar after the gap (05:00-05:05) sees the hour 01:00-02:00, 3h05 old
        for (int i = 24; i < 60; i++) gap.add(T0.plusSeconds(300L * i));
        Confluence confluence = confluence(params("members", "a,hourly", "staleBars", "2",
                "a.strategy", "scripted", "a.votes", "01:30=BUY,05:05=BUY,06:05=BUY",
                "hourly.strategy", "scripted", "hourly.timeframe", "1h"));

        BacktestResult result = run(bars(84, "0.1", gap), confluence);

        List<Decision> decisions = confluence.decisions();
        assertThat(decisions).extracting(Decision::outcome).containsExactly(Signal.BUY, Signal.HOLD, Signal.BUY);
        assertThat(decisions.get(1).check("stale").orElseThrow().detail())
                .isEqualTo("the latest 1h bar closed at 2024-01-01T02:00:00Z, more than 2 bars before 2024-01-01T05:05:00Z");
        assertThat(decisions.get(1).reason()).startsWith("stale data; ");
        // at 06:05 the hour 05:00-06:00 has closed
        assertThat(decisions.get(2).check("stale").orElseThrow().status()).isEqualTo(GateCheck.Status.PASSED);
        assertThat(confluence.counts().stale()).isEqualTo(1);
        assertThat(result.fills()).hasSize(1);
    }

    @Test
    void theBookGateIsSkippedAndSaysSoWhenThereIsNoBook() {
        Confluence confluence = confluence(params("members", "a", "a.strategy", "scripted", "a.votes", "00:30=BUY",
                "book.maxSpreadBps", "5", "book.minDepth", "1000"));

        BacktestResult result = run(bars(12, "0.1", List.of()), confluence);

        GateCheck book = confluence.decisions().getFirst().check("book").orElseThrow();
        assertThat(book.status()).isEqualTo(GateCheck.Status.SKIPPED);
        assertThat(book.detail()).isEqualTo("no two-sided order book for SOL-USD");
        assertThat(confluence.counts().bookSkipped()).isEqualTo(1);
        assertThat(result.fills()).as("a skipped gate does not hold the entry back").hasSize(1);
    }

    @Test
    void regimeMultipliersScaleEachMembersWeightInTheRegimeTheDetectorReads() {
        // a steady rise: ADX high, volatility flat (mid-rank): the detector reads a rising trend
        List<Bar> bars = bars(150, "0.1", List.of());
        MarketRegime regime = RegimeDetector.standard().detect(bars.subList(0, 141)).regime();
        assertThat(regime).isEqualTo(MarketRegime.TRENDING_UP);
        Confluence confluence = confluence(params("members", "trend,revert", "minAgreement", "0.6",
                "trend.strategy", "scripted", "trend.votes", "11:45=BUY", "trend.regime.trending-up", "3",
                "revert.strategy", "scripted", "revert.votes", "11:45=SELL", "revert.regime.trending-up", "0.5"));

        BacktestResult result = run(bars, confluence);

        // bar 141 closes at 11:45; weights 1 × 3 = 3 BUY and 1 × 0.5 = 0.5 SELL: buy 3 / 3.5 = 0.8571 >= 0.6
        Decision decision = confluence.decisions().getFirst();
        assertThat(decision.regime()).contains("trending-up");
        assertThat(decision.vote("trend").orElseThrow().effectiveWeight()).isEqualByComparingTo("3");
        assertThat(decision.vote("revert").orElseThrow().effectiveWeight()).isEqualByComparingTo("0.5");
        assertThat(decision.buyFraction()).isEqualByComparingTo("0.857142857143");
        assertThat(decision.outcome()).isEqualTo(Signal.BUY);
        assertThat(result.fills()).hasSize(1);
        assertThat(confluence.warmupBars()).as("the regime detector's bars").isEqualTo(RegimeDetector.standard().minimumBars());
    }

    @Test
    void everyDecisionIsAnAuditLineWithItsVotes() {
        Confluence confluence = confluence(params("members", "a,b", "a.strategy", "scripted", "a.votes", "00:30=BUY",
                "b.strategy", "scripted"));
        var store = StateStores.sqlite(dir.resolve("bot.db"));

        TradeKit.backtest().bars(bars(12, "0.1", List.of())).instrument(SOL).strategy("confluence", confluence).plugins(plugins).store(store).run();

        List<AuditEvent> lines = store.events(1000).stream().filter(e -> e.type().equals("decision")).toList();
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.actor()).isEqualTo("confluence");
            assertThat(line.time()).isEqualTo(Instant.parse("2024-01-01T00:30:00Z"));
            assertThat(line.reason()).isEqualTo("BUY: buy 0.5, sell 0 of the weights, 0.5 needed (a@5m BUY ×1, b@5m HOLD ×1)");
            assertThat(line.inputsJson()).contains("\"outcome\":\"BUY\"", "\"member\":\"a\"", "\"signal\":\"BUY\"", "\"member\":\"b\"",
                    "\"signal\":\"HOLD\"", "\"gate\":\"stale\"");
        });
        store.close();
    }

    @Test
    void refusesBadParametersNamingThem() {
        ConfluenceProvider provider = new ConfluenceProvider(plugins);
        record Case(Map<String, String> params, String message) {
        }
        List<Case> cases = List.of(
                new Case(params("minAgreement", "0.5"), "confluence: parameter 'members' is required"),
                new Case(params("members", "sma-cross,"), "confluence: parameter 'members' has ''"),
                new Case(params("members", "sma-cross,sma-cross"), "confluence: parameter 'members' names 'sma-cross' twice"),
                new Case(params("members", "sma-cross", "rsi.period", "3"), "confluence: unknown parameter 'rsi.period'"),
                new Case(params("members", "sma-cross", "sma-cross.weight", "0"), "confluence: parameter 'sma-cross.weight' must be positive, got 0"),
                new Case(params("members", "sma-cross", "sma-cross.timeframe", "hourly"), "confluence: parameter 'sma-cross.timeframe': timeframe 'hourly'"),
                new Case(params("members", "sma-cross", "sma-cross.fast", "40"), "confluence: member 'sma-cross': sma-cross: parameter 'fast' (40) must be smaller than 'slow' (30)"),
                new Case(params("members", "sma-cross", "sma-cross.speed", "4"), "confluence: member 'sma-cross': confluence.sma-cross: unknown parameter 'speed'"),
                new Case(params("members", "macd"), "confluence: member 'macd': unknown strategy 'macd'"),
                new Case(params("members", "inner", "inner.strategy", "confluence"), "confluence: member 'inner' is a confluence"),
                new Case(params("members", "rsi", "minAgreement", "1.5"), "confluence: parameter 'minAgreement' must be above 0 and at most 1, got 1.5"),
                new Case(params("members", "rsi", "staleBars", "0"), "confluence: parameter 'staleBars' must be at least 1, got 0"),
                new Case(params("members", "rsi", "trend.fast", "3"), "confluence: parameter 'trend.timeframe' is required"),
                new Case(params("members", "rsi", "trend.timeframe", "1h", "trend.fast", "8", "trend.slow", "8"),
                        "confluence: parameter 'trend.fast' (8) must be smaller than 'trend.slow' (8)"),
                new Case(params("members", "rsi", "rsi.regime.sideways", "2"), "confluence: parameter 'rsi.regime.sideways' names no regime"),
                new Case(params("members", "rsi", "rsi.regime.ranging", "-1"), "confluence: parameter 'rsi.regime.ranging' must not be negative"),
                new Case(params("members", "rsi", "book.depthBps", "5"), "confluence: parameter 'book.depthBps' needs 'book.minDepth' or 'book.minImbalance'"),
                new Case(params("members", "rsi", "book.minImbalance", "2"), "confluence: parameter 'book.minImbalance' must be from -1 to 1, got 2"));
        for (Case c : cases) {
            assertThatThrownBy(() -> provider.create(Params.of("confluence", c.params())), c.params().toString())
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(c.message());
        }
    }

    @Test
    void isFoundByNameAndItsWarmupCoversTheLongestTimeframe() {
        Confluence confluence = (Confluence) Plugins.discover().strategy("confluence").create(Params.of("confluence", params(
                "members", "sma-cross,rsi", "sma-cross.fast", "5", "sma-cross.slow", "20", "rsi.timeframe", "15m", "rsi.period", "10",
                "trend.timeframe", "1h", "trend.fast", "3", "trend.slow", "6")));

        assertThat(confluence.memberIds()).containsExactly("sma-cross", "rsi");
        assertThat(confluence.higherTimeframes()).containsExactlyInAnyOrder(Timeframe.parse("15m"), Timeframe.H1);
        assertThat(confluence.warmupBars()).as("sma-cross's slow average").isEqualTo(20);
        assertThat(confluence.warmupBars(Timeframe.parse("15m"))).as("rsi's period + 1").isEqualTo(11);
        assertThat(confluence.warmupBars(Timeframe.H1)).as("the trend's slow average").isEqualTo(6);
        // in 5m bars: 20; (11 + 1) × 3 = 36; (6 + 1) × 12 = 84
        assertThat(io.tradekit.core.marketdata.HigherTimeframes.warmupBaseBars(confluence, Timeframe.M5)).isEqualTo(84);
    }
}
