package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A figure of a report: one series over time, drawn as an inline SVG line (or, with {@code area}, a
 * filled area down to zero, as the drawdown is drawn). Points must be in time order.
 *
 * <pre>{@code new LineChart("Open grid orders", "orders", points, false)}</pre>
 *
 * @param title the figure's title; never null
 * @param unit the unit shown on the value axis; null becomes empty
 * @param points the series, in time order
 * @param area whether to fill the area down to zero instead of drawing a line
 */
public record LineChart(String title, String unit, List<ChartPoint> points, boolean area) implements ReportChart {
    /**
     * Checks and copies the points.
     *
     * @throws NullPointerException if {@code title} or {@code points} is null
     * @throws IllegalArgumentException if a point is earlier than the one before it
     */
    public LineChart {
        Objects.requireNonNull(title, "title");
        unit = unit == null ? "" : unit;
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).time().isBefore(points.get(i - 1).time())) {
                throw new IllegalArgumentException("chart '" + title + "': point " + i + " is earlier than point " + (i - 1));
            }
        }
    }
}
