package io.tradekit.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot's engine behaves around the venue: market data older than {@code staleAfter} stops new
 * orders (default: three bars); an order unanswered for {@code ackTimeout} is looked up; on restart,
 * venue orders the bot does not know are cancelled if {@code cancelUnknownOrders}, and a holding the
 * journal cannot explain is taken as given if {@code adoptVenuePosition} (otherwise the bot refuses to start); a
 * live bot restarted acts on up to {@code maxCatchUpBars} bars of a pair that closed while it was down (default 100),
 * and refuses to start when more did.
 *
 * @param staleAfter          how old market data may be before new orders stop; empty for the default of three bars
 * @param ackTimeout          how long (wall time) an order may go unanswered before it is looked up at the venue
 * @param cancelUnknownOrders whether a restart cancels venue orders the journal does not know
 * @param adoptVenuePosition  whether a restart takes a holding the journal cannot explain as given
 * @param maxCatchUpBars      the most bars of one pair that closed while a live bot was down that a restart acts on; 0 or more
 */
public record EngineOptions(Optional<Duration> staleAfter, Duration ackTimeout, boolean cancelUnknownOrders, boolean adoptVenuePosition,
                            int maxCatchUpBars) {

    /** The defaults: stale after three bars, a 10-second ack timeout, unknown orders and positions not touched, up to 100 missed bars caught up. */
    public static final EngineOptions DEFAULT = new EngineOptions(Optional.empty(), Duration.ofSeconds(10), false, false, 100);

    /**
     * Checks that staleAfter and ackTimeout are given and maxCatchUpBars is not negative.
     *
     * @throws NullPointerException when staleAfter or ackTimeout is null
     * @throws IllegalArgumentException when maxCatchUpBars is negative
     */
    public EngineOptions {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (maxCatchUpBars < 0) throw new IllegalArgumentException("engine.maxCatchUpBars is " + maxCatchUpBars + ", expected 0 or more");
    }

    /**
     * The options of the four settings before {@code maxCatchUpBars}, which keeps its default (100).
     *
     * @param staleAfter          how old market data may be before new orders stop; empty for the default of three bars
     * @param ackTimeout          how long (wall time) an order may go unanswered before it is looked up at the venue
     * @param cancelUnknownOrders whether a restart cancels venue orders the journal does not know
     * @param adoptVenuePosition  whether a restart takes a holding the journal cannot explain as given
     */
    public EngineOptions(Optional<Duration> staleAfter, Duration ackTimeout, boolean cancelUnknownOrders, boolean adoptVenuePosition) {
        this(staleAfter, ackTimeout, cancelUnknownOrders, adoptVenuePosition, 100);
    }
}
