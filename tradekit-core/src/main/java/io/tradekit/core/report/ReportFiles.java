package io.tradekit.core.report;

import java.nio.file.Path;

/** Where {@link ReportWriter#write} put the three files of a report. */
public record ReportFiles(Path summaryJson, Path tradesCsv, Path reportHtml) {
}
