package io.tradekit.core.report;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.report.ReportMetric.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's headline figures of a backtest, in the order a reader wants them: what ran, what it
 * traded, what it earned, how it got there, how fast it ran. The same list feeds {@code summary.json},
 * the HTML page and the command line's table, so the three never disagree. (Safety events are a list,
 * reported next to these figures by each of them.)
 *
 * <pre>{@code System.out.print(BacktestSummary.of(result).toText());}</pre>
 */
public record BacktestSummary(List<ReportMetric> metrics) {

    public BacktestSummary {
        metrics = List.copyOf(metrics);
    }

    public static BacktestSummary of(BacktestResult r) {
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
        m.add(new ReportMetric("maxDrawdownPct", "max drawdown", r.maxDrawdownPct(), Unit.PERCENT));
        m.add(new ReportMetric("sharpe", "Sharpe (annualized)", r.sharpe(), Unit.RATIO));
        m.add(new ReportMetric("winRate", "win rate", r.winRate(), Unit.FRACTION));
        m.add(new ReportMetric("finalState", "final state", r.finalState().name(), Unit.TEXT));
        m.add(new ReportMetric("elapsedMs", "elapsed", r.elapsedMs(), Unit.MILLIS));
        m.add(new ReportMetric("barsPerSecond", "speed", r.barsPerSecond(), Unit.PER_SECOND));
        return new BacktestSummary(m);
    }

    /** Label and value per line, the values aligned in one column. */
    public String toText() {
        return ReportMetric.toText(metrics);
    }
}
