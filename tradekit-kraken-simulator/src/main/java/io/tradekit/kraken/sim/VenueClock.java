package io.tradekit.kraken.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The venue's clock: the wall clock, moved by a skew a test sets, as a venue whose clock runs off ours. */
final class VenueClock implements InstantSource {

    private volatile long skewMillis;

    void skew(Duration skew) {
        skewMillis = skew.toMillis();
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
