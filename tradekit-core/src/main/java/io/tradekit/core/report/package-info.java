/**
 * The report of a run (backtest, replay, paper or live). {@link io.tradekit.core.report.ReportWriter} writes
 * {@code summary.json}, {@code trades.csv} and a self-contained {@code report.html} from a result;
 * {@link io.tradekit.core.report.BacktestSummary} and {@link io.tradekit.core.report.TraderFigures} hold the
 * figures (money exact as BigDecimal, statistics as doubles), {@link io.tradekit.core.report.PairReport} the
 * per-pair table of a run over several pairs. A component adds figures, charts and tables of its own as a
 * {@link io.tradekit.core.report.ReportSection}.
 */
package io.tradekit.core.report;
