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
}
