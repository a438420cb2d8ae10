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
 * most a few thousand points; {@code maxDrawdownPct} is computed on every bar.
 */
public record BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders,
                             List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve,
                             BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity,
                             BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate,
                             long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState,
                             long elapsedMs, double barsPerSecond) {
    public BacktestResult {
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        roundTrips = List.copyOf(roundTrips);
        equityCurve = List.copyOf(equityCurve);
        safetyEvents = List.copyOf(safetyEvents);
    }
}
