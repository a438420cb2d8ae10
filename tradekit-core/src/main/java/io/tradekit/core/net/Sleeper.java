package io.tradekit.core.net;

import java.time.Duration;

/**
 * How a waiting component waits. Production code sleeps the thread; a test passes a sleeper that moves a
 * fake clock forward, so that waits are exercised without timing the test.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the current thread; a zero or negative duration returns at once. */
    Sleeper THREAD = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration);
        }
    };

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
