package io.tradekit.core;

import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a backtest produced. Money is BigDecimal in the quote asset; {@code realizedPnl} is net of
 * every fee paid; percentages are percent (12.5 means 12.5 %). The equity curve is sampled down to at
 * most a few thousand points; {@code maxDrawdownPct} is computed on every bar. {@code strategyFailure} is
 * the strategy's exception the run ended on (paused or stopped by it and never resumed), if any.
 */
public record BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders,
                             List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve,
                             BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity,
                             BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate,
                             long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState,
                             long elapsedMs, double barsPerSecond, java.util.Optional<StrategyFailure> strategyFailure) {
    public BacktestResult {
        strategyFailure = strategyFailure == null ? java.util.Optional.empty() : strategyFailure;
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        roundTrips = List.copyOf(roundTrips);
        equityCurve = List.copyOf(equityCurve);
        safetyEvents = List.copyOf(safetyEvents);
    }

    /** A result of a run whose strategy never failed. */
    public BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders,
                          List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve,
                          BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity,
                          BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate,
                          long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState,
                          long elapsedMs, double barsPerSecond) {
        this(strategy, symbol, timeframe, bars, orders, fills, roundTrips, equityCurve, initialCash, fees, realizedPnl, finalEquity,
                returnPct, maxDrawdownPct, sharpe, winRate, ordersDenied, safetyEvents, finalState, elapsedMs, barsPerSecond,
                java.util.Optional.empty());
    }

    /** Whether the run ended paused or stopped on a strategy's exception (the command line then exits non-zero). */
    public boolean endedOnStrategyFailure() {
        return strategyFailure.isPresent();
    }
}
