/**
 * tradekit's engine as a host uses it. {@link io.tradekit.core.TradeKit} is where everything starts:
 * {@link io.tradekit.core.TradeKit#bot} gives a {@link io.tradekit.core.BotBuilder} whose
 * {@link io.tradekit.core.BotBuilder#build()} makes a {@link io.tradekit.core.TradingBot}, the handle of a
 * running bot (start, pause, flatten, resume, stop, events, state), and {@link io.tradekit.core.TradeKit#backtest}
 * gives a {@link io.tradekit.core.BacktestBuilder} whose run yields a {@link io.tradekit.core.BacktestResult}.
 * Strategies, risk policies, exchange adapters and state stores named by text are found through
 * {@link io.tradekit.core.Plugins} ({@link java.util.ServiceLoader}). The records here are options a host passes
 * ({@link io.tradekit.core.FlattenOptions}, {@link io.tradekit.core.ApprovalSettings}) and results it reads.
 *
 * <p>Subpackages hold what a host or a plugin may use directly: sizing, protections, the paper venue, perpetuals'
 * arithmetic, order-book gates, error classification and health, market data, the network plumbing adapters
 * share, reports and the state stores. Packages named {@code internal} are not part of the API.
 */
package io.tradekit.core;
