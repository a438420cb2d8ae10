package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/** A table of a report section, already formatted as text: a title, column names and rows of cells. */
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {
    public ReportTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "': row " + i + " has " + rows.get(i).size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }
}
