package io.tradekit.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot's engine behaves around the venue: market data older than {@code staleAfter} stops new
 * orders (default: three bars); an order unanswered for {@code ackTimeout} is looked up; on restart,
 * venue orders the bot does not know are cancelled if {@code cancelUnknownOrders}, and a holding the
 * journal cannot explain is taken as given if {@code adoptVenuePosition} (otherwise the bot refuses to start).
 */
public record EngineOptions(Optional<Duration> staleAfter, Duration ackTimeout, boolean cancelUnknownOrders, boolean adoptVenuePosition) {

    public static final EngineOptions DEFAULT = new EngineOptions(Optional.empty(), Duration.ofSeconds(10), false, false);

    public EngineOptions {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
    }
}
