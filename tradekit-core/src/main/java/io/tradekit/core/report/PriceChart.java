package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A figure of a report: the price over time as a line, horizontal {@link LevelLine}s (each drawn only
 * over the time it was in force) and {@link TradeMarker}s for fills, buys and sells told apart. The
 * value axis spans the prices, the levels and the markers. Prices must be in time order. Long series
 * are drawn with each pixel column's lowest and highest price, so a page stays small for a million bars.
 *
 * <pre>{@code new PriceChart("Price, grid levels and fills", "USD", closes,
 *     List.of(new LevelLine(99.5, start, end)), List.of(new TradeMarker(t, 99.5, Side.BUY)))}</pre>
 */
public record PriceChart(String title, String unit, List<ChartPoint> prices, List<LevelLine> levels, List<TradeMarker> markers)
        implements ReportChart {
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
}
