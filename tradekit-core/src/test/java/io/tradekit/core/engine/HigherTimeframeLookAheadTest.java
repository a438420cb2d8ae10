package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ta4j.core.BarSeries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when of issue 15's several timeframes: a strategy on 5m bars that reads the latest 1h bar at every bar
 * never sees an hour that has not finished, in a backtest and in a replay (live loop thread, SQLite journal). The
 * expected hour is worked out here from the 5m bars themselves, apart from core's aggregator.
 */
class HigherTimeframeLookAheadTest {

    @TempDir
    Path dir;

    /** What the strategy saw at one 5m bar: the bar, the latest 1h bar and the end and close of the 1h ta4j series. */
    record Seen(Bar bar, Bar hour, Instant seriesEnd, double seriesClose, int seriesBars) {
    }

    /** Reads the latest closed hour at every 5m bar; needs one hour before it is called. */
    static final class ReadsTheHour implements Strategy {
        final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Set<Timeframe> higherTimeframes() {
            return Set.of(Timeframe.H1);
        }

        @Override
        public int warmupBars(Timeframe timeframe) {
            return 1;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            Bar hour = ctx.recentBars(Timeframe.H1, 1).getLast();
            BarSeries series = Ta4jSeries.of(ctx, Timeframe.H1);
            seen.add(new Seen(bar, hour, series.getLastBar().getEndTime(), series.getLastBar().getClosePrice().doubleValue(), series.getBarCount()));
        }
    }

    /**
     * 5m bars from 00:20 (the first hour is cut) over 50 hours, a seeded walk, without the bar at 03:25 (inside an
     * hour), the one at 07:55 (an hour's last) and every bar of hour 12:00.
     */
    static List<Bar> fiveMinuteBars() {
        Instant start = Instant.parse("2024-05-06T00:20:00Z");
        Random random = new Random(15);
        List<Bar> bars = new ArrayList<>();
        BigDecimal previous = new BigDecimal("3000.00");
        for (int i = 0; i < 50 * 12 - 4; i++) {
            Instant open = start.plus(5L * i, ChronoUnit.MINUTES);
            BigDecimal close = previous.add(BigDecimal.valueOf(random.nextGaussian() * 4)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal high = previous.max(close).add(BigDecimal.valueOf(random.nextInt(300), 2));
            BigDecimal low = previous.min(close).subtract(BigDecimal.valueOf(random.nextInt(300), 2));
            Bar bar = new Bar("BTCUSDT", Timeframe.M5, open, previous, high, low, close, BigDecimal.valueOf(1 + random.nextInt(900), 2));
            previous = close;
            String hhmm = open.toString().substring(11, 16);
            boolean dropped = open.toString().startsWith("2024-05-06T")
                    && (hhmm.equals("03:25") || hhmm.equals("07:55") || hhmm.startsWith("12:"));
            if (!dropped) bars.add(bar);
        }
        return bars;
    }

    /**
     * The hour the strategy must see at bar {@code i}: the latest hour (not the cut first one) that is over by the
     * bar's close, either because its 55th-minute bar has closed or because a bar of a later hour came; its OHLCV
     * is the first open, the highest high, the lowest low, the last close and the summed volume of its 5m bars.
     */
    static Bar expectedHour(List<Bar> bars, int i) {
        TreeMap<Instant, List<Bar>> hours = new TreeMap<>();
        for (int k = 0; k <= i; k++) hours.computeIfAbsent(bars.get(k).openTime().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>()).add(bars.get(k));
        Instant firstHour = bars.getFirst().openTime().truncatedTo(ChronoUnit.HOURS);
        Bar latest = null;
        for (var hour : hours.entrySet()) {
            Instant end = hour.getKey().plus(1, ChronoUnit.HOURS);
            List<Bar> in = hour.getValue();
            boolean over = in.getLast().closeTime().equals(end) || bars.get(i).openTime().compareTo(end) >= 0;
            if (hour.getKey().equals(firstHour) || !over) continue;
            BigDecimal high = in.stream().map(Bar::high).reduce(BigDecimal::max).orElseThrow();
            BigDecimal low = in.stream().map(Bar::low).reduce(BigDecimal::min).orElseThrow();
            BigDecimal volume = in.stream().map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
            latest = new Bar("BTCUSDT", Timeframe.H1, hour.getKey(), in.getFirst().open(), high, low, in.getLast().close(), volume);
        }
        return latest;
    }

    private static void assertNoLookAhead(List<Bar> bars, List<Seen> seen) {
        // The first whole hour is 01:00-02:00; the strategy is first called on the bar closing at 02:00 (index 19).
        assertThat(seen).hasSize(bars.size() - 19);
        assertThat(seen.getFirst().bar().closeTime()).isEqualTo(Instant.parse("2024-05-06T02:00:00Z"));
        for (Seen s : seen) {
            int i = bars.indexOf(s.bar());
            assertThat(s.hour().closeTime()).as("the hour seen at %s", s.bar().openTime()).isBeforeOrEqualTo(s.bar().closeTime());
            assertThat(s.hour()).as("the hour seen at %s", s.bar().openTime()).isEqualTo(expectedHour(bars, i));
            assertThat(s.seriesEnd()).as("the 1h ta4j series at %s", s.bar().openTime()).isEqualTo(s.hour().closeTime());
            assertThat(s.seriesClose()).isEqualTo(s.hour().close().doubleValue());
        }
        // 47 whole hours 01:00..23:00 and 00:00..01:00 the next days, less hour 12:00 which has no bar
        assertThat(seen.getLast().seriesBars()).isEqualTo(48);
        // the hour whose last bar (07:55) is missing is seen from the bar closing at 08:05, the first of 08:00
        Seen at0805 = seen.stream().filter(s -> s.bar().closeTime().equals(Instant.parse("2024-05-06T08:05:00Z"))).findFirst().orElseThrow();
        assertThat(at0805.hour().openTime()).isEqualTo(Instant.parse("2024-05-06T07:00:00Z"));
    }

    @Test
    void aStrategyReadingTheHourAtEveryFiveMinuteBarNeverSeesAnUnfinishedHourInABacktest() {
        List<Bar> bars = fiveMinuteBars();
        ReadsTheHour strategy = new ReadsTheHour();

        TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy("reads-the-hour", strategy).run();

        assertNoLookAhead(bars, strategy.seen);
    }

    @Test
    void aReplaySeesTheSameHoursAsTheBacktest() {
        List<Bar> bars = fiveMinuteBars();
        ReadsTheHour strategy = new ReadsTheHour();

        BacktestResult result = Replay.over(bars).instrument(Bars.BTC).strategy("reads-the-hour", strategy).database(dir.resolve("bot.db")).run();

        assertThat(result.bars()).isEqualTo(bars.size());
        assertNoLookAhead(bars, List.copyOf(strategy.seen));
    }
}
