package io.tradekit.core.report;

import java.time.Instant;
import java.util.Objects;

/** One point of a {@link LineChart}: a time and a value (a statistic for drawing, so a double). */
public record ChartPoint(Instant time, double value) {
    public ChartPoint {
        Objects.requireNonNull(time, "time");
    }
}
