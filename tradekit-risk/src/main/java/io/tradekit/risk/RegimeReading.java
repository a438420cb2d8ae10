package io.tradekit.risk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One reading of a symbol's market regime and the figures behind it, as {@link RegimeDetector#detect} takes it.
 *
 * @param symbol               the symbol of the bars read
 * @param time                 the close of the last bar read
 * @param regime               the regime those figures put the market in
 * @param adx                  ta4j ADX: trend strength, 0..100
 * @param plusDi               ta4j +DI
 * @param minusDi              ta4j -DI
 * @param atr                  ta4j ATR, in price units
 * @param realizedVolatility   standard deviation of log returns over the volatility window (per bar)
 * @param volatilityPercentile where that volatility ranks among its values over the lookback, 0..1
 * @param shock                whether the last bar's true range was at least three ATRs of the bars before
 */
public record RegimeReading(String symbol, Instant time, MarketRegime regime, BigDecimal adx, BigDecimal plusDi, BigDecimal minusDi,
                            BigDecimal atr, double realizedVolatility, double volatilityPercentile, boolean shock) {
}
