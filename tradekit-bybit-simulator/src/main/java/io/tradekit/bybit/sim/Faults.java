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
    private int forbidden;
    private volatile long silentUntil;
    private int garbled;

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

    synchronized void rateLimitNext(int requests) {
        this.rateLimited = requests;
    }

    synchronized boolean takeRateLimit() {
        if (rateLimited <= 0) return false;
        rateLimited--;
        return true;
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
