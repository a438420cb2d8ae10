/**
 * The value types every part of tradekit shares, with no dependency beyond the JDK: market data
 * ({@link io.tradekit.api.Bar}, {@link io.tradekit.api.Ticker}, {@link io.tradekit.api.OrderBook}),
 * instruments and their trading rules ({@link io.tradekit.api.Instrument}), orders from wish to fill
 * ({@link io.tradekit.api.Signal}, {@link io.tradekit.api.OrderIntent}, {@link io.tradekit.api.OrderRequest},
 * {@link io.tradekit.api.Order}, {@link io.tradekit.api.Fill}), positions and balances, a bot's limits
 * ({@link io.tradekit.api.RiskLimits}) and strategy parameters ({@link io.tradekit.api.Params}), and the
 * exceptions ({@link io.tradekit.api.TradeKitException} and its subclasses, classified by
 * {@link io.tradekit.api.ErrorCategory}).
 *
 * <p>Prices, quantities and money are {@link java.math.BigDecimal} throughout, never {@code double}. Records
 * are immutable and check their fields when built; a value that breaks a rule throws
 * {@link io.tradekit.api.InvalidInputException} naming the field. The plug-in interfaces that use these types
 * are in {@link io.tradekit.api.spi}; what a bot tells its host is in {@link io.tradekit.api.event}.
 */
package io.tradekit.api;
