package io.tradekit.core.report;

import java.nio.file.Path;

/**
 * Where {@link ReportWriter#write} put the three files of a report.
 *
 * @param summaryJson the headline figures and sections as JSON ({@code summary.json})
 * @param tradesCsv the round trips as CSV, one line each ({@code trades.csv})
 * @param reportHtml the self-contained HTML page ({@code report.html})
 */
public record ReportFiles(Path summaryJson, Path tradesCsv, Path reportHtml) {
}
