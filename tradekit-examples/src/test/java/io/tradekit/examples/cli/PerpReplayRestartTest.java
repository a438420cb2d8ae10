package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.perp.FundingRates;
import io.tradekit.core.perp.PaperMarginRules;
import io.tradekit.data.DataSets;
import io.tradekit.examples.modes.RunReport;
import io.tradekit.api.Params;
import io.tradekit.strategies.SmaCrossProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A perpetual sma-cross at 3x with shorts, replayed into a real journal, stopped while it holds a short that has
 * already settled funding, resumed, stopped again while it holds a long, and resumed on the same journal to the end,
 * writes the summary of a replay that never stopped: every figure, the perpetual section's funding, leverage and
 * liquidation figures included.
 */
class PerpReplayRestartTest {

    private static final Set<String> TIMINGS = Set.of("elapsedMs", "barsPerSecond");
    private static final Map<String, String> PARAMS = Map.of("allowShort", "true");

    @TempDir
    Path dir;

    private static Strategy smaCross() {
        return new SmaCrossProvider().create(Params.of("sma-cross", PARAMS));
    }

    private static BacktestResult replay(List<Bar> bars, Strategy strategy, Path db) {
        return Replay.over(bars).strategy("sma-cross", strategy, PARAMS).linearPerpetual(PaperMarginRules.DEFAULT)
                .leverage(new BigDecimal("3")).funding(FundingRates.constant(new BigDecimal("0.0001"))).database(db).run();
    }

    private JsonNode summary(BacktestResult result, Strategy strategy, List<Bar> bars, String name) throws IOException {
        Path out = dir.resolve(name);
        RunReport.of(result, strategy, bars).write(out);
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void aReplayStoppedWhileShortThenWhileLongAndResumedWritesTheSummaryOfOneThatNeverStopped() throws IOException {
        List<Bar> bars = DataSets.load("eth-usd-5m");
        Strategy calm = smaCross();
        BacktestResult whole = replay(bars, calm, dir.resolve("calm/bot.db"));
        JsonNode expected = summary(whole, calm, bars, "calm");

        // Stop inside a short, then inside a later long, each after a funding time (every 8 h) it was held over: the funding
        // so far, the position and its margin must survive each restart.
        int whileShort = stopInside(whole, bars, Side.SELL, Instant.MIN);
        int whileLong = stopInside(whole, bars, Side.BUY, bars.get(whileShort).closeTime());
        Path db = dir.resolve("crashy/bot.db");
        BacktestResult firstPart = replay(bars.subList(0, whileShort + 1), smaCross(), db);
        assertThat(firstPart.perpetual().orElseThrow().fundingPaid().add(firstPart.perpetual().orElseThrow().fundingReceived())).isPositive();
        replay(bars.subList(0, whileLong + 1), smaCross(), db);
        Strategy resumedStrategy = smaCross();
        BacktestResult resumed = replay(bars, resumedStrategy, db);
        JsonNode actual = summary(resumed, resumedStrategy, bars, "crashy");

        List<String> compared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (TIMINGS.contains(field.getKey())) continue;
            assertThat(actual.get(field.getKey())).as("%s after stops at bars %d and %d", field.getKey(), whileShort, whileLong).isEqualTo(field.getValue());
            compared.add(field.getKey());
        }
        assertThat(compared).contains("finalEquity", "realizedPnl", "sharpe", "roundTrips", "perpetual");
    }

    /**
     * The index of a bar at whose close the uninterrupted run holds a position on {@code side} (SELL: short) opened after
     * {@code after}, ten minutes past a funding time it was held over.
     */
    private static int stopInside(BacktestResult run, List<Bar> bars, Side side, Instant after) {
        RoundTrip trip = run.roundTrips().stream().filter(t -> t.side() == side && t.entryTime().isAfter(after))
                .filter(t -> fundingTimeBetween(t.entryTime(), t.exitTime()) != null).findFirst().orElseThrow();
        Instant funded = fundingTimeBetween(trip.entryTime(), trip.exitTime());
        int stop = 0;
        while (bars.get(stop).closeTime().isBefore(funded.plus(Duration.ofMinutes(10)))) stop++;
        assertThat(bars.get(stop).closeTime()).isBefore(trip.exitTime());
        return stop;
    }

    /** The first funding settlement (00:00, 08:00, 16:00 UTC) strictly inside (from, to), or null. */
    private static Instant fundingTimeBetween(Instant from, Instant to) {
        long step = Duration.ofHours(8).toSeconds();
        Instant next = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), step) * step + step);
        return next.isBefore(to) ? next : null;
    }
}
