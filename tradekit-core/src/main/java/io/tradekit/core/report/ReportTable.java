package io.tradekit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A table of a report section, already formatted as text: a title, column names and rows of cells.
 *
 * @param title the table's title; never null
 * @param columns the column names
 * @param rows the rows, each with one cell per column
 */
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {
    /**
     * Checks and copies the rows.
     *
     * @throws NullPointerException if the title, a list or a cell is null
     * @throws IllegalArgumentException if a row has not one cell per column
     */
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
