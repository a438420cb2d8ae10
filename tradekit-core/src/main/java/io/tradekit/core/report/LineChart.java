package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A figure of a report: one series over time, drawn as an inline SVG line (or, with {@code area}, a
 * filled area down to zero, as the drawdown is drawn). Points must be in time order.
 *
 * <pre>{@code new LineChart("Open grid orders", "orders", points, false)}</pre>
 */
public record LineChart(String title, String unit, List<ChartPoint> points, boolean area) implements ReportChart {
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
