package io.tradekit.kraken.sim;

import java.time.Duration;

/** What the simulator has been told to do wrong: consumed as requests arrive. Thread-safe. */
final class Faults {

    private int failingOrders;
    private FaultInjection.OrderFailure orderFailure;
    private volatile long delayMillis;
    private int rateLimited;
    private int refusedNonces;
    private volatile boolean silent;
    private volatile Refusal refusal;
    private int throttled;
    private long throttleMillis;
    private Duration stall;

    /** How the venue's edge answers while it refuses every connection. */
    record Refusal(int status, Duration retryAfter) {
    }

    synchronized void failNextOrders(int count, FaultInjection.OrderFailure failure) {
        failingOrders = count;
        orderFailure = failure;
    }

    /** The failure due for this new order, or null. */
    synchronized FaultInjection.OrderFailure nextOrderFailure() {
        if (failingOrders <= 0) return null;
        failingOrders--;
        return orderFailure;
    }

    /** A failure that did not apply (the order was refused anyway) waits for the next order. */
    synchronized void giveBack(FaultInjection.OrderFailure failure) {
        failingOrders++;
        orderFailure = failure;
    }

    void delayResponses(Duration delay) {
        delayMillis = delay.toMillis();
    }

    void delay() {
        long ms = delayMillis;
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized void rateLimitNext(int requests) {
        rateLimited = requests;
    }

    synchronized boolean takeRateLimit() {
        if (rateLimited <= 0) return false;
        rateLimited--;
        return true;
    }

    synchronized void refuseNoncesNext(int requests) {
        refusedNonces = requests;
    }

    synchronized boolean takeNonceRefusal() {
        if (refusedNonces <= 0) return false;
        refusedNonces--;
        return true;
    }

    void refuse(Refusal newRefusal) {
        refusal = newRefusal;
    }

    /** The refusal in force, or null. */
    Refusal refusal() {
        return refusal;
    }

    synchronized void throttleNext(int requests, Duration retryAfter) {
        throttled = requests;
        throttleMillis = retryAfter.toMillis();
    }

    /** How long the next request is told to wait, or -1 when it is not throttled. */
    synchronized long takeThrottle() {
        if (throttled <= 0) return -1;
        throttled--;
        return throttleMillis;
    }

    synchronized void stallNextAnswer(Duration duration) {
        stall = duration;
    }

    /** The stall due for this answer, or null. */
    synchronized Duration takeStall() {
        Duration s = stall;
        stall = null;
        return s;
    }

    void silence(boolean on) {
        silent = on;
    }

    boolean silent() {
        return silent;
    }

    private volatile long followDelayMillis;
    /** When each open market-data connection not yet followed will be (epoch millis). */
    private final java.util.Map<Object, Long> followAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger ohlcReadsWhileUnfollowed = new java.util.concurrent.atomic.AtomicInteger();

    /** New public connections are followed only {@code delay} after they open (zero: at once). */
    void followNewPublicConnectionsAfter(Duration delay) {
        this.followDelayMillis = delay.toMillis();
    }

    long followDelayMillis() {
        return followDelayMillis;
    }

    /** A market-data connection opened that the venue follows only from {@code atMillis} on. */
    void followsFrom(Object session, long atMillis) {
        followAt.put(session, atMillis);
    }

    /** A market-data connection closed. */
    void closed(Object session) {
        followAt.remove(session);
    }

    /** An OHLC history read: counted when a public connection is open but not yet followed. */
    void ohlcRead() {
        long now = System.currentTimeMillis();
        followAt.values().removeIf(at -> at <= now);
        if (!followAt.isEmpty()) ohlcReadsWhileUnfollowed.incrementAndGet();
    }

    int ohlcReadsWhileUnfollowed() {
        return ohlcReadsWhileUnfollowed.get();
    }
}
