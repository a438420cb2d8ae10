package io.tradekit.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bot's performance figures at one instant (drawdown, exposure, win rate...), as a JSON object.
 *
 * @param time        when the figures were taken; not null
 * @param metricsJson the figures as a JSON object; null or blank becomes {@code {}}
 */
public record MetricsSnapshot(Instant time, String metricsJson) {
    /**
     * Checks the time and normalises an empty metrics text to {@code {}}.
     *
     * @throws NullPointerException if {@code time} is null
     */
    public MetricsSnapshot {
        Objects.requireNonNull(time, "time");
        metricsJson = metricsJson == null || metricsJson.isBlank() ? "{}" : metricsJson;
    }
}
