package io.tradekit.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A horizontal line of a {@link PriceChart}: a price that was in force from {@code from} to {@code to},
 * for example one level of a grid between the time it was laid out and the time it was taken down.
 * (A price for drawing, so a double.)
 */
public record LevelLine(double price, Instant from, Instant to) {
    public LevelLine {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!Double.isFinite(price)) throw new IllegalArgumentException("level line: price must be a finite number, got " + price);
        if (to.isBefore(from)) throw new IllegalArgumentException("level line at " + price + ": 'to' " + to + " is before 'from' " + from);
    }
}
