package io.tradekit.core;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting, in tests, for something another thread does. */
public final class Waits {

    private Waits() {
    }

    /**
     * Returns once {@code condition} holds, checking it every 10 ms.
     *
     * @param what      what is awaited, for the failure message
     * @param within    how long to wait at most
     * @param condition the condition to wait for
     * @throws AssertionError when the condition does not hold in time, or the wait is interrupted
     */
    public static void until(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what);
            }
        }
    }
}
