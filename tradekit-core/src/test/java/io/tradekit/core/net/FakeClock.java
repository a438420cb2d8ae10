package io.tradekit.core.net;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when a component sleeps on it; records every wait. */
final class FakeClock implements InstantSource, Sleeper {
    private long millis;
    final List<Duration> waits = new ArrayList<>();

    FakeClock(long startMillis) {
        this.millis = startMillis;
    }

    @Override
    public synchronized Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public synchronized long millis() {
        return millis;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        millis += duration.toMillis();
    }

    synchronized void advance(Duration d) {
        millis += d.toMillis();
    }
}
