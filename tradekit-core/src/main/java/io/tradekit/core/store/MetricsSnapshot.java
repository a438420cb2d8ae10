package io.tradekit.core.store;

import java.time.Instant;
import java.util.Objects;

/** A bot's performance figures at one instant (drawdown, exposure, win rate...), as a JSON object. */
public record MetricsSnapshot(Instant time, String metricsJson) {
    public MetricsSnapshot {
        Objects.requireNonNull(time, "time");
        metricsJson = metricsJson == null || metricsJson.isBlank() ? "{}" : metricsJson;
    }
}
