package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A venue's request limit over one fixed window (e.g. 6000 weight per minute, 50 orders per 10 s),
 * counted the way venues count it: windows start on multiples of their length since the epoch, and the
 * count drops to zero when a new one starts.
 *
 * <p>{@link #acquire} takes weight before a request and waits for the next window when the budget is
 * spent, up to {@code maxWait}; beyond that it refuses with {@code RATE_LIMIT} rather than block a
 * trading decision for long. The venue's own count (e.g. {@code X-MBX-USED-WEIGHT-1M}) corrects the
 * local one through {@link #observeUsed}, and a {@code Retry-After} or a rate-limit error stops every
 * caller through {@link #pauseFor}. One budget is shared by every bot that uses the same API key
 * (see {@link RequestBudgets}). Thread-safe.
 */
public final class RequestBudget {

    private final String venue;
    private final String name;
    private final long limit;
    private final long windowMillis;
    private final Duration maxWait;
    private final InstantSource clock;
    private final Sleeper sleeper;

    private long windowStart;
    private long used;
    private long pausedUntil;

    /**
     * A budget with nothing used and no pause.
     *
     * @param venue the venue's name, for messages; never null
     * @param name the budget's name, for messages (e.g. {@code weight-1m}); never null
     * @param limit the weight allowed per window; 1 or more
     * @param window the window's length; positive
     * @param maxWait the longest {@link #acquire} waits before it refuses
     * @param clock the wall clock the windows are counted on
     * @param sleeper how {@link #acquire} waits
     * @throws InvalidInputException if {@code limit} is below 1 or {@code window} not positive
     * @throws NullPointerException if an object argument is null
     */
    public RequestBudget(String venue, String name, long limit, Duration window, Duration maxWait, InstantSource clock, Sleeper sleeper) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.name = Objects.requireNonNull(name, "name");
        if (limit < 1) {
            throw new InvalidInputException(venue + " budget " + name + ": limit must be 1 or more, got " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new InvalidInputException(venue + " budget " + name + ": window must be positive, got " + window);
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * A budget on the system clock that sleeps the calling thread while it waits.
     *
     * @param venue the venue's name, for messages
     * @param name the budget's name, for messages
     * @param limit the weight allowed per window; 1 or more
     * @param window the window's length; positive
     * @param maxWait the longest {@link #acquire} waits before it refuses
     * @return a new budget
     */
    public static RequestBudget of(String venue, String name, long limit, Duration window, Duration maxWait) {
        return new RequestBudget(venue, name, limit, window, maxWait, InstantSource.system(), Sleeper.THREAD);
    }

    /**
     * Takes {@code weight} from the budget, waiting for the window to roll over or a pause to end.
     * A request heavier than the whole limit passes when nothing of the window is used.
     *
     * @throws ExchangeException {@code RATE_LIMIT} with the time to wait, when that is longer than {@code maxWait}
     * @param weight the request's weight in the venue's units
     * @throws TradeKitException {@code INTERNAL} if the thread is interrupted while waiting (the interrupt flag is set again)
     */
    public void acquire(long weight) {
        long deadline = clock.millis() + maxWait.toMillis();
        while (true) {
            long waitMillis;
            synchronized (this) {
                long now = clock.millis();
                roll(now);
                if (pausedUntil > now) {
                    waitMillis = pausedUntil - now;
                } else if (used + weight <= limit || used == 0) {
                    used += weight;
                    return;
                } else {
                    waitMillis = windowStart + windowMillis - now;
                }
                if (now + waitMillis > deadline) {
                    throw new ExchangeException(venue, ErrorCategory.RATE_LIMIT, RecoveryAction.BACK_OFF, "",
                            venue + " " + name + " budget exhausted (" + used + "/" + limit + " used); next room in "
                                    + waitMillis + " ms", Duration.ofMillis(waitMillis), null);
                }
            }
            try {
                sleeper.sleep(Duration.ofMillis(waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TradeKitException(ErrorCategory.INTERNAL, venue + ": interrupted while waiting for " + name + " budget", e);
            }
        }
    }

    /**
     * Takes {@code weight} only if that needs no wait: no pause in force and room left in the window (or nothing of
     * it used), as {@link #acquire} would take it at once. For a caller that must not block, and sends some other
     * way (or later) when this says no.
     *
     * @param weight the request's weight in the venue's units
     * @return true when the weight was taken; false, with nothing taken, when {@link #acquire} would have waited
     */
    public synchronized boolean tryAcquire(long weight) {
        long now = clock.millis();
        roll(now);
        if (pausedUntil > now || (used + weight > limit && used != 0)) return false;
        used += weight;
        return true;
    }

    /**
     * Takes {@code weight} here and {@code otherWeight} from {@code other} (say an order count beside request weight),
     * both or neither, each only if that needs no wait. A weight of 0 takes nothing from its budget and asks nothing of it.
     *
     * @param weight the request's weight in this budget's units
     * @param other the second budget the request is charged to
     * @param otherWeight the request's weight in {@code other}'s units
     * @return true when both were taken; false, with nothing taken from either, when {@link #acquire} would have waited
     */
    public boolean tryAcquireWith(long weight, RequestBudget other, long otherWeight) {
        long window = window();
        if (weight > 0 && !tryAcquire(weight)) return false;
        if (otherWeight > 0 && !other.tryAcquire(otherWeight)) {
            if (weight > 0) giveBack(weight, window);
            return false;
        }
        return true;
    }

    /**
     * Gives back {@code weight} taken by {@link #tryAcquire} for a request that then was not sent, if the window it
     * was taken in is still the current one (a new window has nothing of it to give back).
     *
     * @param weight the weight taken
     * @param takenInWindow {@link #window()} as it was when the weight was taken
     */
    synchronized void giveBack(long weight, long takenInWindow) {
        roll(clock.millis());
        if (windowStart == takenInWindow) used = Math.max(0, used - weight);
    }

    /**
     * The start of the current counting window, in epoch milliseconds; for {@link #giveBack}.
     *
     * @return when the current window began
     */
    synchronized long window() {
        roll(clock.millis());
        return windowStart;
    }

    /**
     * The venue reported how much of the current window is used; the larger count wins.
     *
     * @param reported the weight the venue says is used in the current window
     */
    public synchronized void observeUsed(long reported) {
        roll(clock.millis());
        used = Math.max(used, reported);
    }

    /**
     * Stops every caller for {@code duration} (a {@code Retry-After}, a ban, a rate-limit error).
     *
     * @param duration how long to stop callers, from now; a longer pause already in force is kept
     */
    public synchronized void pauseFor(Duration duration) {
        long until = clock.millis() + Math.max(0, duration.toMillis());
        pausedUntil = Math.max(pausedUntil, until);
    }

    /**
     * Weight taken in the current window.
     *
     * @return the weight used, after a window that ended was reset
     */
    public synchronized long used() {
        roll(clock.millis());
        return used;
    }

    /**
     * The weight allowed per window.
     *
     * @return the limit given at construction
     */
    public long limit() {
        return limit;
    }

    /**
     * The budget's name.
     *
     * @return the name given at construction
     */
    public String name() {
        return name;
    }

    /**
     * When a pause ends, if one is in force.
     *
     * @return the end of the pause, or empty when none is in force
     */
    public synchronized Optional<Instant> pausedUntil() {
        return pausedUntil > clock.millis() ? Optional.of(Instant.ofEpochMilli(pausedUntil)) : Optional.empty();
    }

    private void roll(long now) {
        long start = now - Math.floorMod(now, windowMillis);
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }

    @Override
    public String toString() {
        return "RequestBudget[" + venue + " " + name + " limit=" + limit + "/" + windowMillis + "ms]";
    }
}
