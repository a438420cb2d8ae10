/**
 * The reference strategies, registered with {@link java.util.ServiceLoader} so that a bot, a backtest or a
 * configuration file can name them: {@code sma-cross} ({@link io.tradekit.strategies.SmaCross}, made by
 * {@link io.tradekit.strategies.SmaCrossProvider}), {@code rsi} ({@link io.tradekit.strategies.Rsi}, made by
 * {@link io.tradekit.strategies.RsiProvider}) and {@code confluence} (in
 * {@link io.tradekit.strategies.confluence}). Their indicators are ta4j's, on the bar series the engine keeps
 * in step with the bot's bars. Each may also be built directly and handed to a builder:
 *
 * <pre>{@code TradeKit.backtest().bars(bars).strategy(new SmaCross(10, 30)).run();}</pre>
 */
package io.tradekit.strategies;
