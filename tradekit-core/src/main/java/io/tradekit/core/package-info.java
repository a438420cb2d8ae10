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
 * What a host uses to run tradekit: {@link io.tradekit.core.TradeKit} to build a bot or a backtest, the
 * {@link io.tradekit.core.TradingBot} handle to run a bot, {@link io.tradekit.core.ReplayDriver} to hand a bot bars
 * it holds, {@link io.tradekit.core.Replay} to run a data set through the live engine, and the results a host reads.
 *
 * <p><b>Results grow without breaking callers.</b> A result a host reads and tradekit keeps adding figures to
 * ({@link io.tradekit.core.BacktestResult}, {@link io.tradekit.core.PerpetualFigures},
 * {@link io.tradekit.core.FlattenResult}, {@link io.tradekit.core.SafetyReport}) is a final class with accessors and a
 * builder, never a record: a record's public canonical constructor changes its arity with every field added, and
 * every caller that made one would stop compiling. A new figure is a new accessor and a new builder method with a
 * default, so code written against an older version still compiles and runs. Small fixed pairs (an
 * {@link io.tradekit.core.EquityPoint}, a {@link io.tradekit.core.SafetyEvent}) stay records.
 */
package io.tradekit.core;
