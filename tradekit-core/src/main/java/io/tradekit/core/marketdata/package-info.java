/**
 * The market data a bot has seen, owned by its loop thread: {@link io.tradekit.core.marketdata.MarketDataCache}
 * keeps a bounded series of closed bars per symbol and timeframe and the last price,
 * {@link io.tradekit.core.marketdata.HigherTimeframes} and {@link io.tradekit.core.marketdata.TimeframeAggregator}
 * make a strategy's higher timeframes from the bot's base bars the same way in every mode, and
 * {@link io.tradekit.core.marketdata.Ta4jSeries} hands a strategy the ta4j {@code BarSeries} kept in step with them.
 */
package io.tradekit.core.marketdata;
