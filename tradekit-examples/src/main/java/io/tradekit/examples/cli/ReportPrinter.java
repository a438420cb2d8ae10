package io.tradekit.examples.cli;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportSection;
import io.tradekit.core.report.ReportWriter;

/**
 * Prints how a run ended, the same for every command: a title, the summary figures aligned, each extra
 * section of the report (the grid's, for example), the safety events, and where the report files are.
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
        for (ReportSection section : report.sections()) {
            o.println(section.title().toLowerCase(java.util.Locale.ROOT) + ":");
            o.print(section.toText());
            o.println();
        }
        if (result.safetyEvents().isEmpty()) {
            o.println("safety events: none");
        } else {
            o.println("safety events:");
            for (SafetyEvent e : result.safetyEvents()) {
                o.println("  " + e.time() + "  " + e.policy() + "  " + e.action() + "  " + e.reason());
            }
        }
        result.strategyFailure().ifPresent(f -> o.println("the run ended on a strategy failure: " + f.describe()));
        o.println();
        o.println("wrote " + files.summaryJson());
        o.println("      " + files.tradesCsv());
        o.println("      " + files.reportHtml());
    }
}
