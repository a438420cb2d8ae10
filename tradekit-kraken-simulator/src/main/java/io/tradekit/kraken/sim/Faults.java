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

    void silence(boolean on) {
        silent = on;
    }

    boolean silent() {
        return silent;
    }
}
