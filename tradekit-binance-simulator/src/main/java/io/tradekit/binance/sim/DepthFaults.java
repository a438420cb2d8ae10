package io.tradekit.binance.sim;

import java.time.Duration;

/**
 * What the simulator's depth stream has been told to do wrong, for tests of a client's local book: consumed as
 * diffs go out. Thread-safe.
 */
final class DepthFaults {

    private int drops;
    private boolean reorder;
    private long delayMillis;

    /** The next {@code count} diffs are not sent: their update ids are gone, a gap for every client. */
    synchronized void dropNext(int count) {
        drops = count;
    }

    /** The next diff is held back and sent after the one that follows it. */
    synchronized void reorderNext() {
        reorder = true;
    }

    /** Every diff goes out {@code delay} late, in order (zero: at once). */
    synchronized void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    synchronized boolean takeDrop() {
        if (drops <= 0) return false;
        drops--;
        return true;
    }

    synchronized boolean takeReorder() {
        boolean due = reorder;
        reorder = false;
        return due;
    }

    synchronized long delayMillis() {
        return delayMillis;
    }
}
