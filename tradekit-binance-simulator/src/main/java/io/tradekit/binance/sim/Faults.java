package io.tradekit.binance.sim;

import java.time.Duration;

/** What the simulator has been told to do wrong, for tests: consumed as requests arrive. Thread-safe. */
final class Faults {

    /** How a new order fails with a 5xx: before the venue took it, or after (the order exists). */
    enum OrderFault { NONE, FAIL_BEFORE_ACCEPTING, FAIL_AFTER_ACCEPTING }

    private int failingOrders;
    private OrderFault orderFault = OrderFault.NONE;
    private volatile long delayMillis;
    private int forcedRateLimits;
    private long forcedRetryAfterSeconds;

    private volatile long followDelayMillis;
    /** When each open market-data connection not yet followed will be (epoch millis). */
    private final java.util.Map<Object, Long> followAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger klineReadsWhileUnfollowed = new java.util.concurrent.atomic.AtomicInteger();

    /** New market-data connections are followed only {@code delay} after their handshake (zero: at once). */
    void followNewMarketConnectionsAfter(Duration delay) {
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

    /** A kline history read: counted when a market-data connection is open but not yet followed. */
    void klineRead() {
        long now = System.currentTimeMillis();
        followAt.values().removeIf(at -> at <= now);
        if (!followAt.isEmpty()) klineReadsWhileUnfollowed.incrementAndGet();
    }

    int klineReadsWhileUnfollowed() {
        return klineReadsWhileUnfollowed.get();
    }

    synchronized void failNextOrders(int count, OrderFault fault) {
        this.failingOrders = count;
        this.orderFault = fault;
    }

    synchronized OrderFault nextOrderFault() {
        if (failingOrders <= 0) return OrderFault.NONE;
        failingOrders--;
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

    synchronized void rateLimitNext(int requests, Duration retryAfter) {
        this.forcedRateLimits = requests;
        this.forcedRetryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** The {@code Retry-After} seconds of a forced 429 for this request, or 0 when none is due. */
    synchronized long takeForcedRateLimit() {
        if (forcedRateLimits <= 0) return 0;
        forcedRateLimits--;
        return forcedRetryAfterSeconds;
    }

    /** A canned answer for the next request to one method and path. */
    record CannedAnswer(int status, String contentType, String body) {
    }

    private final java.util.Map<String, java.util.Deque<CannedAnswer>> canned = new java.util.HashMap<>();
    private long stallMillis;
    private int stalledBodies;

    synchronized void answerNext(String method, String path, CannedAnswer answer) {
        canned.computeIfAbsent(method + " " + path, k -> new java.util.ArrayDeque<>()).addLast(answer);
    }

    synchronized java.util.Optional<CannedAnswer> takeCanned(String method, String path) {
        java.util.Deque<CannedAnswer> queue = canned.get(method + " " + path);
        return queue == null || queue.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(queue.removeFirst());
    }

    synchronized void stallNextBodies(int count, Duration stall) {
        this.stalledBodies = count;
        this.stallMillis = stall.toMillis();
    }

    /** How long the next answer's body stalls half-way, or 0. */
    synchronized long takeBodyStall() {
        if (stalledBodies <= 0) return 0;
        stalledBodies--;
        return stallMillis;
    }

    private int refusedSubscriptions;
    private int refusalStatus;
    private int refusalCode;

    synchronized void refuseNextSubscriptions(int count, int status, int code) {
        this.refusedSubscriptions = count;
        this.refusalStatus = status;
        this.refusalCode = code;
    }

    /** {status, code} of a refusal due for this user-data subscription, or null. */
    synchronized int[] takeSubscriptionRefusal() {
        if (refusedSubscriptions <= 0) return null;
        refusedSubscriptions--;
        return new int[] {refusalStatus, refusalCode};
    }

    private int webSocketOrderDrops;
    private int webSocketRateLimits;
    private long webSocketRetryAfterSeconds;

    /** The next {@code count} WebSocket API {@code order.place} requests are executed, then every connection is cut before the answer. */
    synchronized void dropAfterNextWebSocketOrders(int count) {
        this.webSocketOrderDrops = count;
    }

    synchronized boolean takeWebSocketOrderDrop() {
        if (webSocketOrderDrops <= 0) return false;
        webSocketOrderDrops--;
        return true;
    }

    synchronized void rateLimitNextWebSocketOrders(int count, Duration retryAfter) {
        this.webSocketRateLimits = count;
        this.webSocketRetryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** Seconds until a forced WebSocket API 429 ends, for this request, or 0 when none is due. */
    synchronized long takeForcedWebSocketRateLimit() {
        if (webSocketRateLimits <= 0) return 0;
        webSocketRateLimits--;
        return webSocketRetryAfterSeconds;
    }
}
