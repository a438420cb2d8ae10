package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Figures a component adds to a backtest report beyond the engine's own, e.g. a grid's levels and
 * fills per level. Its metrics appear in {@code summary.json} as an object under {@code id}, and the
 * whole section (metrics, charts, tables) as a part of {@code report.html} after the summary. Charts
 * are {@link LineChart}s or {@link PriceChart}s, in any mix.
 *
 * <pre>{@code ReportWriter.of(result)
 *     .section(new ReportSection("grid", "Grid", List.of(new ReportMetric("levels", "levels", 20, Unit.COUNT)),
 *             List.of(openOrdersChart), List.of()))
 *     .write(dir);}</pre>
 *
 * @param id the section's name in {@code summary.json}, camelCase
 * @param title the heading of its part of the page; never null
 * @param metrics its figures; may be empty
 * @param charts its pictures; may be empty
 * @param tables its tables; may be empty
 */
public record ReportSection(String id, String title, List<ReportMetric> metrics, List<? extends ReportChart> charts, List<ReportTable> tables) {
    /**
     * Checks the id and copies the lists.
     *
     * @throws NullPointerException if {@code id}, {@code title} or a list is null
     * @throws IllegalArgumentException if the id is not a camelCase name
     */
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

    /**
     * The section's metrics as text, label and value per line, as {@link BacktestSummary#toText()} shows the summary.
     *
     * @return the text, one line per metric
     */
    public String toText() {
        return ReportMetric.toText(metrics);
    }

    /**
     * A section of figures only, without charts or tables.
     *
     * @param id the section's name in {@code summary.json}, camelCase
     * @param title the heading of its part of the page
     * @param metrics its figures
     * @return the section
     * @throws IllegalArgumentException if the id is not a camelCase name
     */
    public static ReportSection ofMetrics(String id, String title, List<ReportMetric> metrics) {
        return new ReportSection(id, title, metrics, List.of(), List.of());
    }
}
