/**
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
