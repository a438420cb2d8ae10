package io.tradekit.core.net;

import java.time.Duration;

/**
 * How a waiting component waits. Production code sleeps the thread; a test passes a sleeper that moves a
 * fake clock forward, so that waits are exercised without timing the test.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
