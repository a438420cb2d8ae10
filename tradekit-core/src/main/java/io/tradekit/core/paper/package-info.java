/**
 * The built-in paper venue. {@link io.tradekit.core.paper.PaperExchange} is the {@code paper}
 * {@link io.tradekit.api.spi.ExchangeAdapter}: fed bars by a backtest or replay driver, or a real venue's market data
 * for paper trading, optionally with its book in its own SQLite file so it outlives the bots. Its fills come from
 * {@link io.tradekit.core.paper.MatchingEngine}, which plays each bar as a {@link io.tradekit.core.paper.PricePoint}
 * path and also backs the venue simulators. {@link io.tradekit.core.paper.PaperSettings} sets the instruments,
 * balances, fees and slippage (basis points), the {@link io.tradekit.core.paper.FillModel} and the participation cap.
 */
package io.tradekit.core.paper;
