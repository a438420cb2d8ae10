package io.tradekit.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A horizontal line of a {@link PriceChart}: a price that was in force from {@code from} to {@code to},
 * for example one level of a grid between the time it was laid out and the time it was taken down.
 * (A price for drawing, so a double.)
 *
 * @param price the level's price; finite
 * @param from when it came into force; never null
 * @param to when it went out of force; not before {@code from}
 */
public record LevelLine(double price, Instant from, Instant to) {
    /**
     * Checks the line.
     *
     * @throws NullPointerException if {@code from} or {@code to} is null
     * @throws IllegalArgumentException if the price is not finite or {@code to} is before {@code from}
     */
    public LevelLine {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!Double.isFinite(price)) throw new IllegalArgumentException("level line: price must be a finite number, got " + price);
        if (to.isBefore(from)) throw new IllegalArgumentException("level line at " + price + ": 'to' " + to + " is before 'from' " + from);
    }
}
