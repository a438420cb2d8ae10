package io.tradekit.bybit.sim;

import java.time.Duration;

/**
 * What the simulator has been told to do wrong, consumed as requests arrive. Thread-safe. The kinds are
 * venue-neutral (a 5xx before or after an order is taken, a dropped answer, delays, rate-limit answers,
 * a blocked IP, silence), so that a conformance kit can drive any simulator the same way.
 */
final class Faults {

    /** What happens to a new order. */
    enum OrderFault { NONE, SERVER_ERROR_BEFORE_ACCEPTING, SERVER_ERROR_AFTER_ACCEPTING, NO_ANSWER_AFTER_ACCEPTING }

    private int faultyOrders;
    private OrderFault orderFault = OrderFault.NONE;
    private volatile long delayMillis;
    private int rateLimited;
    private long rateLimitResetMillis = 1000;
    private int stalled;
    private long stallMillis;
    private volatile int refusalStatus;
    private int forbidden;
    private volatile long silentUntil;
    private int garbled;

    private volatile long followDelayMillis;
    /** When each open market-data connection not yet followed will be (epoch millis). */
    private final java.util.Map<Object, Long> followAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger klineReadsWhileUnfollowed = new java.util.concurrent.atomic.AtomicInteger();

    /** New public connections are followed only {@code delay} after they open (zero: at once). */
    void followNewPublicConnectionsAfter(java.time.Duration delay) {
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

    /** A kline history read: counted when a public connection is open but not yet followed. */
    void klineRead() {
        long now = System.currentTimeMillis();
        followAt.values().removeIf(at -> at <= now);
        if (!followAt.isEmpty()) klineReadsWhileUnfollowed.incrementAndGet();
    }

    int klineReadsWhileUnfollowed() {
        return klineReadsWhileUnfollowed.get();
    }

    synchronized void failNextOrders(int count, OrderFault fault) {
        this.faultyOrders = count;
        this.orderFault = fault;
    }

    synchronized OrderFault nextOrderFault() {
        if (faultyOrders <= 0) return OrderFault.NONE;
        faultyOrders--;
        return orderFault;
    }

    void delayResponses(Duration delay) {
        this.delayMillis = delay.toMillis();
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

    /** The next {@code requests} get a 10006 whose limit resets {@code reset} after the refusal. */
    synchronized void rateLimitNext(int requests, Duration reset) {
        this.rateLimited = requests;
        this.rateLimitResetMillis = reset.toMillis();
    }

    /** Milliseconds until the forced limit resets when this request is one of the rate-limited, else -1. */
    synchronized long takeRateLimit() {
        if (rateLimited <= 0) return -1;
        rateLimited--;
        return rateLimitResetMillis;
    }

    synchronized void stallNext(int answers, Duration stall) {
        this.stalled = answers;
        this.stallMillis = stall.toMillis();
    }

    /** How long the next answer's body stalls half-way, or 0. */
    synchronized long takeStall() {
        if (stalled <= 0) return 0;
        stalled--;
        return stallMillis;
    }

    /** Refuses new connections with HTTP {@code status} (0 accepts again). */
    void refuseConnections(int status) {
        this.refusalStatus = status;
    }

    /** The HTTP status new connections are refused with, or 0. */
    int refusal() {
        return refusalStatus;
    }

    synchronized void forbidNext(int requests) {
        this.forbidden = requests;
    }

    synchronized boolean takeForbidden() {
        if (forbidden <= 0) return false;
        forbidden--;
        return true;
    }

    synchronized void garbleNext(int answers) {
        this.garbled = answers;
    }

    synchronized boolean takeGarbled() {
        if (garbled <= 0) return false;
        garbled--;
        return true;
    }

    void silenceFor(Duration duration, long nowMillis) {
        this.silentUntil = nowMillis + duration.toMillis();
    }

    boolean silent(long nowMillis) {
        return nowMillis < silentUntil;
    }
}
