package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A venue's request limit counted as a leaky bucket, the way Kraken counts REST calls: every call adds
 * its cost to a counter, the counter drains continuously at a fixed rate per second, and a call that
 * would push it over the maximum is refused by the venue. (A {@link RequestBudget} counts fixed windows
 * instead; this is the other common model.)
 *
 * <p>{@link #acquire} waits, up to {@code maxWait}, until the counter has drained enough for the call,
 * and otherwise refuses with {@code RATE_LIMIT} rather than block a trading decision for long; a
 * rate-limit answer from the venue stops every caller through {@link #pauseFor}. Shared by every bot on
 * one API key through {@link RequestBudgets#counter}. Thread-safe.
 *
 * <pre>{@code CallRateCounter rest = new CallRateCounter("kraken", "rest", 20, 0.5, Duration.ofSeconds(10),
 *         InstantSource.system(), Sleeper.THREAD); // Kraken's intermediate tier
 * rest.acquire(2); // TradesHistory costs 2}</pre>
 */
public final class CallRateCounter {

    private final String venue;
    private final String name;
    private final double maximum;
    private final double decayPerSecond;
    private final Duration maxWait;
    private final InstantSource clock;
    private final Sleeper sleeper;

    private double level;
    private long levelAtMillis;
    private long pausedUntil;

    /**
     * A counter starting empty.
     *
     * @param venue the venue's name, for messages
     * @param name the counter's name, for messages (e.g. {@code rest})
     * @param maximum the most the counter may hold; 1 or more
     * @param decayPerSecond how much the counter drains per second; positive
     * @param maxWait the longest {@link #acquire} waits before it refuses
     * @param clock the wall clock the counter drains on
     * @param sleeper how {@link #acquire} waits
     * @throws NullPointerException if an object argument is null
     * @throws InvalidInputException if {@code maximum} is below 1 or {@code decayPerSecond} not positive
     */
    public CallRateCounter(String venue, String name, double maximum, double decayPerSecond, Duration maxWait,
                           InstantSource clock, Sleeper sleeper) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.name = Objects.requireNonNull(name, "name");
        if (!(maximum >= 1)) {
            throw new InvalidInputException(venue + " counter " + name + ": maximum must be 1 or more, got " + maximum);
        }
        if (!(decayPerSecond > 0)) {
            throw new InvalidInputException(venue + " counter " + name + ": decay per second must be positive, got " + decayPerSecond);
        }
        this.maximum = maximum;
        this.decayPerSecond = decayPerSecond;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.levelAtMillis = clock.millis();
    }

    /**
     * Adds {@code cost} to the counter, first waiting for it to drain enough.
     * A call whose cost alone exceeds the maximum passes when the counter is empty.
     *
     * @throws ExchangeException {@code RATE_LIMIT} with the time to wait, when that is longer than {@code maxWait}
     * @param cost the call's cost in the venue's units; zero or less passes without counting
     * @throws TradeKitException {@code INTERNAL} if the thread is interrupted while waiting (the interrupt flag is set again)
     */
    public void acquire(double cost) {
        if (cost <= 0) {
            return;
        }
        long deadline = clock.millis() + maxWait.toMillis();
        while (true) {
            long waitMillis;
            synchronized (this) {
                long now = clock.millis();
                drain(now);
                if (pausedUntil > now) {
                    waitMillis = pausedUntil - now;
                } else if (level + cost <= maximum || level == 0) {
                    level += cost;
                    return;
                } else {
                    waitMillis = (long) Math.ceil((level + cost - maximum) / decayPerSecond * 1000);
                }
                if (now + waitMillis > deadline) {
                    throw new ExchangeException(venue, ErrorCategory.RATE_LIMIT, RecoveryAction.BACK_OFF, "",
                            venue + " " + name + " call counter full (" + String.format(java.util.Locale.ROOT, "%.2f", level) + " of "
                                    + maximum + "); room in " + waitMillis + " ms", Duration.ofMillis(waitMillis), null);
                }
            }
            try {
                sleeper.sleep(Duration.ofMillis(Math.max(1, waitMillis)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TradeKitException(ErrorCategory.INTERNAL, venue + ": interrupted while waiting for the " + name + " counter", e);
            }
        }
    }

    /**
     * Stops every caller for {@code duration} without counting the venue's limit as reached: the venue refused for
     * another reason and named a wait (an address ban, maintenance). Once it is over, calls go out as the count allows.
     *
     * @param duration how long to stop callers, from now; zero or negative stops nobody
     */
    public synchronized void holdFor(Duration duration) {
        pausedUntil = Math.max(pausedUntil, clock.millis() + Math.max(0, duration.toMillis()));
    }

    /**
     * Stops every caller for {@code duration} (the venue said the limit was exceeded).
     *
     * @param duration how long to stop callers, from now; a negative one stops nobody but still fills the counter
     */
    public synchronized void pauseFor(Duration duration) {
        long now = clock.millis();
        drain(now);
        level = maximum; // the venue's count is at least full
        pausedUntil = Math.max(pausedUntil, now + Math.max(0, duration.toMillis()));
    }

    /**
     * The counter now, after draining.
     *
     * @return the level, between 0 and the maximum
     */
    public synchronized double level() {
        drain(clock.millis());
        return level;
    }

    /**
     * The most the counter may hold.
     *
     * @return the maximum given at construction
     */
    public double maximum() {
        return maximum;
    }

    private void drain(long now) {
        if (now > levelAtMillis) {
            level = Math.max(0, level - (now - levelAtMillis) / 1000.0 * decayPerSecond);
            levelAtMillis = now;
        }
    }

    @Override
    public String toString() {
        return "CallRateCounter[" + venue + " " + name + " max=" + maximum + " decay=" + decayPerSecond + "/s]";
    }
}
