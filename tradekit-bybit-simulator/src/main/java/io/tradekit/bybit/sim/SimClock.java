package io.tradekit.bybit.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The simulated server's clock: wall time plus an adjustable skew, to test clock-offset handling. */
final class SimClock implements InstantSource {
    private volatile long skewMillis;

    void skew(Duration skew) {
        this.skewMillis = skew.toMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + skewMillis;
    }
}
