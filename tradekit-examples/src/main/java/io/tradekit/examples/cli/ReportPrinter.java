package io.tradekit.examples.cli;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportWriter;

/**
 * Prints how a run ended the way {@code backtest} does: a title, the summary figures aligned, the safety
 * events, and where the report files are.
 */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(Terminal terminal, String title, BacktestResult result, ReportWriter report, ReportFiles files) {
        var o = terminal.out();
        o.println(title);
        o.println();
        o.print(report.summary().toText());
        o.println();
        if (result.safetyEvents().isEmpty()) {
            o.println("safety events: none");
        } else {
            o.println("safety events:");
            for (SafetyEvent e : result.safetyEvents()) {
                o.println("  " + e.time() + "  " + e.policy() + "  " + e.action() + "  " + e.reason());
            }
        }
        o.println();
        o.println("wrote " + files.summaryJson());
        o.println("      " + files.tradesCsv());
        o.println("      " + files.reportHtml());
    }
}
