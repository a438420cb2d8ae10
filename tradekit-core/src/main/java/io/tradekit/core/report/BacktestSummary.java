package io.tradekit.core.report;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.report.ReportMetric.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * The headline figures of a run, in the order a reader wants them: what ran, what it traded, what it
 * earned beside what holding the asset earned, how it got there (the {@link TraderFigures}), how fast it
 * ran. The same list feeds {@code summary.json}, the HTML page and the command line's table, so the three
 * never disagree. (Safety events, exit reasons and returns by period are lists, reported next to these
 * figures by each of them.)
 *
 * <pre>{@code System.out.print(BacktestSummary.of(result, TraderFigures.of(result, bars)).toText());}</pre>
 *
 * @param metrics the figures in display order
 */
public record BacktestSummary(List<ReportMetric> metrics) {

    /**
     * Copies the figures.
     *
     * @throws NullPointerException if {@code metrics} or one of them is null
     */
    public BacktestSummary {
        metrics = List.copyOf(metrics);
    }

    /**
     * The summary without the bars: everything but the buy-and-hold return.
     *
     * @param r the run's result
     * @return the summary
     */
    public static BacktestSummary of(BacktestResult r) {
        return of(r, TraderFigures.of(r, List.of()));
    }

    /**
     * The summary of a run with the figures that need its bars (buy and hold, exposure) computed beforehand.
     *
     * @param r the run's result
     * @param f the trader figures of the same run ({@link TraderFigures#of})
     * @return the summary
     */
    public static BacktestSummary of(BacktestResult r, TraderFigures f) {
        List<ReportMetric> m = new ArrayList<>();
        m.add(new ReportMetric("strategy", "strategy", r.strategy(), Unit.TEXT));
        m.add(new ReportMetric("symbol", "symbol", r.symbol(), Unit.TEXT));
        m.add(new ReportMetric("timeframe", "timeframe", r.timeframe().toString(), Unit.TEXT));
        if (!r.equityCurve().isEmpty()) {
            List<EquityPoint> curve = r.equityCurve();
            // The curve is marked at each bar's close: these are the first and the last close of the run.
            m.add(new ReportMetric("start", "start", curve.getFirst().time().toString(), Unit.TEXT));
            m.add(new ReportMetric("end", "end", curve.getLast().time().toString(), Unit.TEXT));
        }
        m.add(new ReportMetric("bars", "bars", r.bars(), Unit.COUNT));
        m.add(new ReportMetric("orders", "orders", (long) r.orders().size(), Unit.COUNT));
        m.add(new ReportMetric("ordersDenied", "orders denied", r.ordersDenied(), Unit.COUNT));
        m.add(new ReportMetric("fills", "fills", (long) r.fills().size(), Unit.COUNT));
        m.add(new ReportMetric("roundTrips", "round trips", (long) r.roundTrips().size(), Unit.COUNT));
        m.add(new ReportMetric("initialCash", "initial cash", r.initialCash(), Unit.MONEY));
        m.add(new ReportMetric("fees", "fees", r.fees(), Unit.MONEY));
        m.add(new ReportMetric("realizedPnl", "realized PnL (net)", r.realizedPnl(), Unit.MONEY));
        m.add(new ReportMetric("finalEquity", "final equity", r.finalEquity(), Unit.MONEY));
        m.add(new ReportMetric("returnPct", "return", r.returnPct(), Unit.PERCENT));
        f.buyAndHoldReturnPct().ifPresent(b -> m.add(new ReportMetric("buyAndHoldReturnPct", "buy and hold return", b, Unit.PERCENT)));
        m.add(new ReportMetric("cagr", "CAGR", f.cagr(), Unit.FRACTION));
        m.add(new ReportMetric("maxDrawdownPct", "max drawdown", r.maxDrawdownPct(), Unit.PERCENT));
        m.add(new ReportMetric("sharpe", "Sharpe (annualized)", r.sharpe(), Unit.RATIO));
        m.add(new ReportMetric("sortino", "Sortino (annualized)", f.sortino(), Unit.RATIO));
        m.add(new ReportMetric("calmar", "Calmar", f.calmar(), Unit.RATIO));
        m.add(new ReportMetric("winRate", "win rate", r.winRate(), Unit.FRACTION));
        m.add(new ReportMetric("profitFactor", "profit factor", f.profitFactor(), Unit.RATIO));
        m.add(new ReportMetric("expectancy", "expectancy (per round trip)", f.expectancy(), Unit.MONEY));
        m.add(new ReportMetric("averageTradeDuration", "average trade duration", f.averageTradeDuration(), Unit.DURATION));
        m.add(new ReportMetric("exposure", "exposure (time in market)", f.exposure(), Unit.FRACTION));
        m.add(new ReportMetric("tradesPerDay", "round trips per day", f.tradesPerDay(), Unit.RATIO));
        m.add(new ReportMetric("finalState", "final state", r.finalState().name(), Unit.TEXT));
        m.add(new ReportMetric("elapsedMs", "elapsed", r.elapsedMs(), Unit.MILLIS));
        m.add(new ReportMetric("barsPerSecond", "bars per second", r.barsPerSecond(), Unit.COUNT));
        return new BacktestSummary(m);
    }

    /**
     * Label and value per line, the values aligned in one column.
     *
     * @return the text, one line per figure
     */
    public String toText() {
        return ReportMetric.toText(metrics);
    }
}
