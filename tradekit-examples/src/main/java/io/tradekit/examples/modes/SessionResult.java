package io.tradekit.examples.modes;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.report.ReportFiles;
import io.tradekit.core.report.ReportWriter;

import java.util.List;
import java.util.Objects;

/**
 * How a session ended: its figures in the backtest's terms (over the bot's whole journal), the report
 * written from them, and for a dry run the orders it would have sent.
 *
 * @param result the session's figures, over the bot's whole journal
 * @param report the report made from them
 * @param files the report's files as written
 * @param wouldBeOrders a dry run's orders that were not sent, in order; empty for paper and live
 */
public record SessionResult(BacktestResult result, ReportWriter report, ReportFiles files, List<WouldBeOrder> wouldBeOrders) {
    /**
     * Copies the orders and checks the rest is present.
     *
     * @throws NullPointerException when a component is null
     */
    public SessionResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(files, "files");
        wouldBeOrders = List.copyOf(wouldBeOrders);
    }
}
