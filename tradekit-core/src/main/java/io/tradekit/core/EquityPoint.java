package io.tradekit.core;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The account's equity at one instant.
 *
 * @param time   when the equity was measured
 * @param equity cash plus open positions marked at that time, in the quote asset
 */
public record EquityPoint(Instant time, BigDecimal equity) {
}
