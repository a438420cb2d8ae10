package io.tradekit.conformance;

import java.time.Duration;

/**
 * The fault-injection hooks of a venue's simulator. Each hook a simulator does not offer keeps its
 * default, which throws {@link UnsupportedOperationException}; the kit then skips (aborts) the tests
 * that need it, saying which hook was missing, rather than pass them.
 */
public interface VenueFaults {

    /** How the venue refuses new connections. */
    enum Refusal {
        /** HTTP 429 with a short {@code Retry-After}: too many requests. */
        RATE_LIMITED,
        /** HTTP 418 or 403: banned (the venue's own ban status) with a short {@code Retry-After}. */
        BANNED,
        /** HTTP 503 without {@code Retry-After}: the venue is down. */
        UNAVAILABLE
    }

    /** Cuts every open connection, REST and streams, as a network failure would (no close handshake). */
    default void dropConnections() {
        throw missing("dropConnections");
    }

    /**
     * Refuses every new connection, REST and stream handshakes alike, until {@link #acceptConnections()}.
     *
     * @param refusal how the venue refuses
     */
    default void refuseConnections(Refusal refusal) {
        throw missing("refuseConnections");
    }

    /** Accepts new connections again after {@link #refuseConnections(Refusal)}. */
    default void acceptConnections() {
        throw missing("acceptConnections");
    }

    /**
     * Connection attempts (handshakes) the streams made so far, refused ones included.
     *
     * @return the count so far, by the simulator's own records
     */
    default int streamConnectionAttempts() {
        throw missing("streamConnectionAttempts");
    }

    /** Answers the next new order with a server error (5xx) after the order reached the book. */
    default void failNextOrderAfterAccepting() {
        throw missing("failNextOrderAfterAccepting");
    }

    /**
     * The next answer sends its headers and part of its body, then stalls for {@code stall}.
     *
     * @param stall how long the answer stalls, in wall time
     */
    default void stallNextResponse(Duration stall) {
        throw missing("stallNextResponse");
    }

    /**
     * Answers the next request with the venue's rate-limit refusal and {@code Retry-After}.
     *
     * @param retryAfter the wait the refusal asks for
     */
    default void rateLimitNext(Duration retryAfter) {
        throw missing("rateLimitNext");
    }

    /**
     * Sends {@code text} as it is on every open market-data stream connection.
     *
     * @param text the raw message, e.g. malformed JSON
     */
    default void sendRawToStreams(String text) {
        throw missing("sendRawToStreams");
    }

    /**
     * Moves the venue's clock by {@code skew} from the wall clock.
     *
     * @param skew the offset, positive for a venue clock ahead of the wall clock
     */
    default void skewClock(Duration skew) {
        throw missing("skewClock");
    }

    /**
     * While {@code silent}, stream clients receive nothing at all, not even answers to their pings.
     *
     * @param silent true to silence the streams, false to let them speak again
     */
    default void silenceStreams(boolean silent) {
        throw missing("silenceStreams");
    }

    /**
     * A venue under load: each new market-data connection is followed only {@code delay} after its handshake. Until
     * then nothing of its streams reaches it, and the venue's answers to its subscription requests wait.
     * {@link Duration#ZERO} follows new connections at once again.
     *
     * @param delay how long after its handshake a market-data connection is followed
     */
    default void followNewMarketConnectionsAfter(Duration delay) {
        throw missing("followNewMarketConnectionsAfter");
    }

    /**
     * Reads of the venue's bar history (its REST klines or OHLC) that came while a market-data connection was open but
     * not yet followed: a bar that closed then is in neither the read nor the stream.
     *
     * @return the count so far, by the simulator's own records
     */
    default int barHistoryReadsWhileUnfollowed() {
        throw missing("barHistoryReadsWhileUnfollowed");
    }

    private UnsupportedOperationException missing(String hook) {
        return new UnsupportedOperationException("the simulator offers no '" + hook + "' fault hook");
    }
}
