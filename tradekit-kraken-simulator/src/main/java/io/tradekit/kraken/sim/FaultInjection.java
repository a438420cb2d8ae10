package io.tradekit.kraken.sim;

import java.time.Duration;

/**
 * What a simulated venue can be told to do wrong, in terms that fit any venue, so that one test kit can
 * drive every simulator: connections cut, new orders answered with a server error before or after the
 * venue took them (or with the connection cut after), slow and stalled answers, rate-limit answers,
 * refused connections, a skewed clock, refused request authentication (a stale nonce, a clock out of
 * the window), streams that go silent, and raw frames pushed to every stream subscriber.
 */
public interface FaultInjection {

    /** How a failed new order fails. */
    enum OrderFailure {
        /** A 5xx answer; the order never reached the book. */
        BEFORE_ACCEPTING,
        /** A 5xx answer; the order is on the book (or filled). */
        AFTER_ACCEPTING,
        /** No answer: the connection is cut after the order reached the book. */
        DROPPED_AFTER_ACCEPTING
    }

    /** Cuts every WebSocket connection without a close handshake, as a network failure would. */
    void dropAllConnections();

    /**
     * Fails the next {@code count} new orders. A failure after accepting applies to orders the venue
     * takes; an order it refuses anyway gets its usual refusal, and the failure waits for the next one.
     *
     * @param count how many new orders fail
     * @param failure how each fails
     */
    void failNextOrders(int count, OrderFailure failure);

    /**
     * Holds every REST answer back by {@code delay} (zero to stop); the request itself takes effect at once.
     *
     * @param delay how long each answer waits before it goes out
     */
    void delayResponses(Duration delay);

    /**
     * Answers the next {@code requests} authenticated REST requests with the venue's rate-limit error, unprocessed.
     *
     * @param requests how many requests to refuse
     */
    void rateLimitNext(int requests);

    /**
     * Refuses the next {@code requests} authenticated REST requests as the venue refuses stale authentication, unprocessed.
     *
     * @param requests how many requests to refuse
     */
    void refuseAuthenticationNext(int requests);

    /**
     * Refuses every new connection, REST requests and WebSocket handshakes alike, with {@code httpStatus}
     * (and a {@code Retry-After} when {@code retryAfter} is positive), as the venue's edge does under a
     * connection-rate ban or an outage, until {@link #acceptConnections()}.
     *
     * @param httpStatus the HTTP status of every refusal, e.g. 403, 429 or 503
     * @param retryAfter the {@code Retry-After} to send, zero or negative for none
     */
    void refuseConnections(int httpStatus, Duration retryAfter);

    /**
     * Stops refusing new connections (see {@link #refuseConnections}); connections already open were never affected.
     */
    void acceptConnections();

    /**
     * A venue under load: each new public connection is followed only {@code delay} after it opens; until then the
     * answers to its subscriptions (and so their data) wait. {@link Duration#ZERO} follows new connections at once again.
     *
     * @param delay how long after it opens a public connection is followed
     */
    void followNewPublicConnectionsAfter(Duration delay);

    /**
     * OHLC history reads ({@code GET /0/public/OHLC}) that came while a public connection was open but not yet followed:
     * a bar closing then is neither in what the read returned nor sent on the stream.
     *
     * @return the count since start
     */
    int ohlcReadsWhileUnfollowed();

    /**
     * The next REST answer sends its headers and half its body, then stalls for {@code stall} before the rest.
     *
     * @param stall how long the answer stalls
     */
    void stallNextAnswer(Duration stall);

    /**
     * Answers the next authenticated request with the venue's refusal that names when to come back, {@code retryAfter} from now.
     *
     * @param retryAfter how long from now the refusal tells the client to wait
     */
    void throttleNext(Duration retryAfter);

    /**
     * Moves the venue's clock {@code skew} away from the wall clock.
     *
     * @param skew the offset from the wall clock (negative: behind)
     */
    void skewClock(Duration skew);

    /**
     * Stops (true) or resumes (false) every frame the streams send, heartbeats included, without closing them.
     *
     * @param silent true to silence the streams, false to resume them
     */
    void silenceStreams(boolean silent);

    /**
     * Sends {@code frame} as it is to every stream subscriber, e.g. a malformed one.
     *
     * @param frame the frame's text, not checked
     */
    void sendToStreams(String frame);
}
