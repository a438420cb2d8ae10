package io.tradekit.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a {@link LineChart}: a time and a value (a statistic for drawing, so a double).
 *
 * @param time when; never null
 * @param value the value there
 */
public record ChartPoint(Instant time, double value) {
    /**
     * Checks the time.
     *
     * @throws NullPointerException if {@code time} is null
     */
    public ChartPoint {
        Objects.requireNonNull(time, "time");
    }
}
