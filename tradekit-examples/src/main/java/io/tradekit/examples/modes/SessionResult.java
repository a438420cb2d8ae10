package io.tradekit.examples.modes;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportWriter;

import java.util.List;
import java.util.Objects;

/**
 * How a session ended: its figures in the backtest's terms (over the bot's whole journal), the report
 * written from them, and for a dry run the orders it would have sent.
 */
public record SessionResult(BacktestResult result, ReportWriter report, ReportFiles files, List<WouldBeOrder> wouldBeOrders) {
    public SessionResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(files, "files");
        wouldBeOrders = List.copyOf(wouldBeOrders);
    }
}
