package io.tradekit.core;

import java.math.BigDecimal;
import java.time.Instant;

/** The account's equity at one instant. */
public record EquityPoint(Instant time, BigDecimal equity) {
}
