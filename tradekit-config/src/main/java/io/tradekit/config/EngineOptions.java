package io.tradekit.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot's engine behaves around the venue: market data older than {@code staleAfter} stops new
 * orders (default: three bars); an order unanswered for {@code ackTimeout} is looked up; on restart,
 * venue orders the bot does not know are cancelled if {@code cancelUnknownOrders}, and a holding the
 * journal cannot explain is taken as given if {@code adoptVenuePosition} (otherwise the bot refuses to start).
 *
 * @param staleAfter          how old market data may be before new orders stop; empty for the default of three bars
 * @param ackTimeout          how long (wall time) an order may go unanswered before it is looked up at the venue
 * @param cancelUnknownOrders whether a restart cancels venue orders the journal does not know
 * @param adoptVenuePosition  whether a restart takes a holding the journal cannot explain as given
 */
public record EngineOptions(Optional<Duration> staleAfter, Duration ackTimeout, boolean cancelUnknownOrders, boolean adoptVenuePosition) {

    /** The defaults: stale after three bars, a 10-second ack timeout, unknown orders and positions not touched. */
    public static final EngineOptions DEFAULT = new EngineOptions(Optional.empty(), Duration.ofSeconds(10), false, false);

    /**
     * Checks that staleAfter and ackTimeout are given.
     *
     * @throws NullPointerException when staleAfter or ackTimeout is null
     */
    public EngineOptions {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
    }
}
