package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallRateCounterTest {

    /** A clock that only moves when the counter sleeps on it. */
    private static final class FakeTime implements InstantSource, Sleeper {
        long millis = 1_000_000;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            millis += d.toMillis();
        }
    }

    @Test
    void callsUpToTheMaximumGoAtOnceAndTheNextWaitsForTheCounterToDrain() {
        FakeTime time = new FakeTime();
        CallRateCounter counter = new CallRateCounter("kraken", "rest", 20, 0.5, Duration.ofSeconds(10), time, time);

        for (int i = 0; i < 20; i++) counter.acquire(1);
        assertThat(time.sleeps).isEmpty();
        counter.acquire(2); // needs 2 points: 4 s at 0.5/s

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4));
        assertThat(counter.level()).isEqualTo(20.0);
    }

    @Test
    void theCounterDrainsWithTime() {
        FakeTime time = new FakeTime();
        CallRateCounter counter = new CallRateCounter("kraken", "rest", 15, 0.33, Duration.ofSeconds(10), time, time);
        counter.acquire(10);

        time.millis += 10_000;

        assertThat(counter.level()).isCloseTo(6.7, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aWaitLongerThanAllowedIsARateLimitError() {
        FakeTime time = new FakeTime();
        CallRateCounter counter = new CallRateCounter("kraken", "rest", 20, 0.5, Duration.ofSeconds(1), time, time);
        for (int i = 0; i < 20; i++) counter.acquire(1);

        assertThatThrownBy(() -> counter.acquire(1)).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
    }

    @Test
    void aPauseStopsEveryCallerUntilItEnds() {
        FakeTime time = new FakeTime();
        CallRateCounter counter = new CallRateCounter("kraken", "rest", 20, 1, Duration.ofSeconds(30), time, time);

        counter.pauseFor(Duration.ofSeconds(3));
        counter.acquire(1);

        assertThat(time.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aHoldStopsEveryCallerUntilItEndsWithoutCountingTheLimitAsReached() {
        FakeTime held = new FakeTime();
        CallRateCounter afterBan = new CallRateCounter("kraken", "rest", 15, 0.33, Duration.ofSeconds(30), held, held);
        FakeTime paused = new FakeTime();
        CallRateCounter afterRateLimit = new CallRateCounter("kraken", "rest", 15, 0.33, Duration.ofSeconds(30), paused, paused);

        afterBan.holdFor(Duration.ofSeconds(2));
        afterRateLimit.pauseFor(Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            afterBan.acquire(1);
            afterRateLimit.acquire(1);
        }

        assertThat(held.sleeps).as("a ban's hold: its wait, then calls go out as the count allows").containsExactly(Duration.ofSeconds(2));
        assertThat(paused.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(2));
        assertThat(paused.sleeps).as("a rate-limit pause: the venue's count is full, so each call waits for it to drain").hasSizeGreaterThan(3);
    }
}
