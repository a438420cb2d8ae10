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
        report.pairs().ifPresent(pairs -> {
            o.println("pairs:");
            o.printf(java.util.Locale.ROOT, "  %-12s %7s %6s %16s %9s %9s %14s%n", "pair", "trades", "trips", "realized PnL", "win rate", "exposure", "fees");
            java.util.List<io.tradekit.core.report.PairFigures> rows = new java.util.ArrayList<>(pairs.pairs());
            rows.add(pairs.total());
            for (var p : rows) {
                o.printf(java.util.Locale.ROOT, "  %-12s %7d %6d %16s %8.2f%% %8s%% %14s%n", p.symbol(), p.trades(), p.roundTrips(),
                        p.realizedPnl().setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString(), p.winRate() * 100,
                        p.exposurePct().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                        p.fees().setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString());
            }
            o.println();
        });
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
