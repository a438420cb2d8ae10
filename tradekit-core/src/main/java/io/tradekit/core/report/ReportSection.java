package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Figures a component adds to a backtest report beyond the engine's own, e.g. a grid's levels and
 * fills per level. Its metrics appear in {@code summary.json} as an object under {@code id}, and the
 * whole section (metrics, charts, tables) as a part of {@code report.html} after the summary.
 *
 * <pre>{@code ReportWriter.of(result)
 *     .section(new ReportSection("grid", "Grid", List.of(new ReportMetric("levels", "levels", 20, Unit.COUNT)),
 *             List.of(openOrdersChart), List.of()))
 *     .write(dir);}</pre>
 */
public record ReportSection(String id, String title, List<ReportMetric> metrics, List<LineChart> charts, List<ReportTable> tables) {
    public ReportSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!id.matches("[a-zA-Z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("report section id '" + id + "' must be a camelCase JSON name");
        }
        metrics = List.copyOf(metrics);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
    }

    public static ReportSection ofMetrics(String id, String title, List<ReportMetric> metrics) {
        return new ReportSection(id, title, metrics, List.of(), List.of());
    }
}
