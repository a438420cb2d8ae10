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
 */
public record EngineOptions(Optional<Duration> staleAfter, Duration ackTimeout, boolean cancelUnknownOrders, boolean adoptVenuePosition,
                            int maxCatchUpBars) {

    public static final EngineOptions DEFAULT = new EngineOptions(Optional.empty(), Duration.ofSeconds(10), false, false, 100);

    public EngineOptions {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (maxCatchUpBars < 0) throw new IllegalArgumentException("engine.maxCatchUpBars is " + maxCatchUpBars + ", expected 0 or more");
    }

    /** The options of the four settings before {@code maxCatchUpBars}, which keeps its default. */
    public EngineOptions(Optional<Duration> staleAfter, Duration ackTimeout, boolean cancelUnknownOrders, boolean adoptVenuePosition) {
        this(staleAfter, ackTimeout, cancelUnknownOrders, adoptVenuePosition, 100);
    }
}
