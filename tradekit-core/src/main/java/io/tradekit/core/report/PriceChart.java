package io.tradekit.core.report;

import io.tradekit.api.Bar;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A figure of a report: the price over time as a line, horizontal {@link LevelLine}s (each drawn only
 * over the time it was in force) and {@link TradeMarker}s for fills, buys and sells told apart. The
 * value axis spans the prices, the levels and the markers. Prices must be in time order. Long series
 * are drawn with each pixel column's lowest and highest price, so a page stays small for a million bars.
 *
 * <pre>{@code new PriceChart("Price, grid levels and fills", "USD", PriceChart.path(bars),
 *     List.of(new LevelLine(99.5, start, end)), TradeMarker.ofFills(result.fills()))}</pre>
 *
 * @param title the figure's title; never null
 * @param unit the price's unit (e.g. the quote asset); null becomes empty
 * @param prices the price line, in time order (see {@link #path})
 * @param levels the horizontal levels; may be empty
 * @param markers the fills to mark; may be empty
 */
public record PriceChart(String title, String unit, List<ChartPoint> prices, List<LevelLine> levels, List<TradeMarker> markers)
        implements ReportChart {
    /**
     * Checks and copies the lists.
     *
     * @throws NullPointerException if {@code title} or a list is null
     * @throws IllegalArgumentException if a price is earlier than the one before it
     */
    public PriceChart {
        Objects.requireNonNull(title, "title");
        unit = unit == null ? "" : unit;
        prices = List.copyOf(prices);
        levels = List.copyOf(levels);
        markers = List.copyOf(markers);
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).time().isBefore(prices.get(i - 1).time())) {
                throw new IllegalArgumentException("chart '" + title + "': price " + i + " is earlier than price " + (i - 1));
            }
        }
    }

    /** Above this many bars, {@link #path} joins neighbouring bars: the picture cannot show more anyway. */
    static final int MAX_PATH_BARS = 5_000;

    /**
     * Bars as the path a price takes through each: its open, then the nearer of its high and low (the high
     * on a tie), then the other, then its close, at the open, a third and two thirds of the bar, and its
     * close; the path a paper venue plays a bar as, so that a fill at a level sits on the line. More than
     * {@value #MAX_PATH_BARS} bars are joined in runs of consecutive bars first (the run's first open, its
     * extremes in the order they came, its last close), which keeps a million bars to a few thousand points and the same picture.
     *
     * @param bars the bars, oldest first
     * @return four points per bar (or per run of joined bars); empty for no bars
     */
    public static List<ChartPoint> path(List<Bar> bars) {
        int run = Math.max(1, (bars.size() + MAX_PATH_BARS - 1) / MAX_PATH_BARS);
        List<ChartPoint> points = new ArrayList<>(4 * Math.min(bars.size(), MAX_PATH_BARS) + 4);
        for (int from = 0; from < bars.size(); from += run) {
            List<Bar> joined = bars.subList(from, Math.min(bars.size(), from + run));
            Bar first = joined.getFirst();
            int highAt = 0;
            int lowAt = 0;
            for (int i = 1; i < joined.size(); i++) {
                if (joined.get(i).high().compareTo(joined.get(highAt).high()) > 0) highAt = i;
                if (joined.get(i).low().compareTo(joined.get(lowAt).low()) < 0) lowAt = i;
            }
            BigDecimal high = joined.get(highAt).high();
            BigDecimal low = joined.get(lowAt).low();
            Instant open = first.openTime();
            Instant close = joined.getLast().closeTime();
            Duration third = Duration.between(open, close).dividedBy(3);
            // Joined bars took their extremes in the order of the bars that made them; within one bar, the nearer first.
            Bar both = joined.get(highAt);
            boolean highFirst = highAt != lowAt ? highAt < lowAt
                    // ties go to the low first, as the paper venue plays a bar that opens midway (PricePoint.pathOf)
                    : both.high().subtract(both.open()).compareTo(both.open().subtract(both.low())) < 0;
            points.add(new ChartPoint(open, first.open().doubleValue()));
            points.add(new ChartPoint(open.plus(third), (highFirst ? high : low).doubleValue()));
            points.add(new ChartPoint(open.plus(third).plus(third), (highFirst ? low : high).doubleValue()));
            points.add(new ChartPoint(close, joined.getLast().close().doubleValue()));
        }
        return points;
    }
}
