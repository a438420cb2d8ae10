package io.tradekit.core;

import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Everything a backtest produced. Money is BigDecimal in the quote asset; {@code realizedPnl} is net of
 * every fee paid; percentages are percent (12.5 means 12.5 %). The equity curve is sampled down to at
 * most a few thousand points; {@code maxDrawdownPct}, {@code sharpe} and {@code sortino} are computed on
 * every bar, and {@code dayCloses} holds each UTC day's closing equity (the last mark of the day, a mark at
 * midnight closing the day before). Sharpe and Sortino are statistics (doubles) of per-bar returns with a
 * zero target, annualized over 365 days: the Sortino ratio is the mean return over the downside deviation
 * {@code sqrt(sum(min(r, 0)^2) / n)} ({@code n} every return, not only the losing ones), times
 * {@code sqrt(bars per year)}: 0 with fewer than two returns or a flat curve, NaN when no bar lost but some
 * gained (the ratio has no bound).
 * {@code strategyFailure} is the strategy's exception the run ended on (paused or stopped by it and never
 * resumed), if any. {@code perpetual} holds the funding, leverage and liquidation figures of a run on a
 * perpetual; it is empty for spot.
 */
public record BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders,
                             List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve,
                             BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity,
                             BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate,
                             long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState,
                             long elapsedMs, double barsPerSecond, double sortino, List<EquityPoint> dayCloses,
                             Optional<StrategyFailure> strategyFailure, Optional<PerpetualFigures> perpetual) {
    public BacktestResult {
        strategyFailure = strategyFailure == null ? Optional.empty() : strategyFailure;
        perpetual = perpetual == null ? Optional.empty() : perpetual;
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        roundTrips = List.copyOf(roundTrips);
        equityCurve = List.copyOf(equityCurve);
        safetyEvents = List.copyOf(safetyEvents);
        dayCloses = List.copyOf(dayCloses);
    }

    /** The same result with the speed measured by its driver (which times the whole run, not only the figures). */
    public BacktestResult withBarsPerSecond(double measured) {
        return new BacktestResult(strategy, symbol, timeframe, bars, orders, fills, roundTrips, equityCurve, initialCash, fees, realizedPnl,
                finalEquity, returnPct, maxDrawdownPct, sharpe, winRate, ordersDenied, safetyEvents, finalState, elapsedMs, measured,
                sortino, dayCloses, strategyFailure, perpetual);
    }

    /** A result of a spot run (no perpetual figures). */
    public BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders,
                          List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve,
                          BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity,
                          BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate,
                          long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState,
                          long elapsedMs, double barsPerSecond, double sortino, List<EquityPoint> dayCloses,
                          Optional<StrategyFailure> strategyFailure) {
        this(strategy, symbol, timeframe, bars, orders, fills, roundTrips, equityCurve, initialCash, fees, realizedPnl, finalEquity,
                returnPct, maxDrawdownPct, sharpe, winRate, ordersDenied, safetyEvents, finalState, elapsedMs, barsPerSecond,
                sortino, dayCloses, strategyFailure, Optional.empty());
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
                0.0, List.of(), Optional.empty(), Optional.empty());
    }

    /** A result with its Sortino ratio and day closes, of a run whose strategy never failed. */
    public BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders,
                          List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve,
                          BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity,
                          BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate,
                          long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState,
                          long elapsedMs, double barsPerSecond, double sortino, List<EquityPoint> dayCloses) {
        this(strategy, symbol, timeframe, bars, orders, fills, roundTrips, equityCurve, initialCash, fees, realizedPnl, finalEquity,
                returnPct, maxDrawdownPct, sharpe, winRate, ordersDenied, safetyEvents, finalState, elapsedMs, barsPerSecond,
                sortino, dayCloses, Optional.empty(), Optional.empty());
    }

    /** Whether the run ended paused or stopped on a strategy's exception (the command line then exits non-zero). */
    public boolean endedOnStrategyFailure() {
        return strategyFailure.isPresent();
    }
}
