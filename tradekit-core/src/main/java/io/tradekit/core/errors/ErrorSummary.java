package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts errors by category over a sliding window of the bot's clock: an error at time {@code t} counts
 * while {@code now - window < t <= now}. Not thread-safe: the engine feeds it on its loop.
 *
 * <pre>{@code ErrorSummary errors = new ErrorSummary(Duration.ofMinutes(1));
 * errors.record(now, ErrorCategory.NETWORK);
 * errors.counts(now); // {NETWORK=1}}</pre>
 */
public final class ErrorSummary {

    /** Beyond this many errors in a window the oldest are forgotten: an error storm must not exhaust memory. */
    static final int MAX_REMEMBERED = 100_000;

    private record Entry(Instant time, ErrorCategory category) {
    }

    private final Duration window;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long totalEver;

    /**
     * A summary over {@code window}.
     *
     * @param window the length of the sliding window on the bot's clock; positive
     * @throws NullPointerException if {@code window} is null
     * @throws InvalidInputException if {@code window} is zero or negative
     */
    public ErrorSummary(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) throw new InvalidInputException("error summary window must be positive, got " + window);
        this.window = window;
    }

    /**
     * The length of the sliding window.
     *
     * @return the window given at construction
     */
    public Duration window() {
        return window;
    }

    /**
     * Records one error. Errors are expected in clock order; at most 100 000 are remembered, the oldest forgotten first.
     *
     * @param time when it happened, on the bot's clock; never null
     * @param category its category; never null
     * @throws NullPointerException if an argument is null
     */
    public void record(Instant time, ErrorCategory category) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(category, "category");
        entries.addLast(new Entry(time, category));
        totalEver++;
        if (entries.size() > MAX_REMEMBERED) entries.removeFirst();
    }

    /**
     * True when no error is remembered: none was recorded, or all had left the window at the last {@link #counts} or
     * {@link #total} call (which forget them). The cheap answer for the healthy case.
     *
     * @return true if no error is remembered
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Errors per category within the window ending at {@code now}; categories without errors are left out.
     *
     * @param now the end of the window (bot's clock); errors at or before {@code now - window} are forgotten
     * @return an unmodifiable map of category to count
     */
    public Map<ErrorCategory, Integer> counts(Instant now) {
        forgetBefore(now);
        Map<ErrorCategory, Integer> counts = new EnumMap<>(ErrorCategory.class);
        for (Entry e : entries) if (inWindow(e.time(), now)) counts.merge(e.category(), 1, Integer::sum);
        return Collections.unmodifiableMap(counts);
    }

    /**
     * All errors within the window ending at {@code now}.
     *
     * @param now the end of the window (bot's clock); errors at or before {@code now - window} are forgotten
     * @return how many errors fall in the window
     */
    public int total(Instant now) {
        forgetBefore(now);
        int n = 0;
        for (Entry e : entries) if (inWindow(e.time(), now)) n++;
        return n;
    }

    /**
     * Every error ever recorded, inside the window or not.
     *
     * @return the count since construction, including errors forgotten since
     */
    public long totalEver() {
        return totalEver;
    }

    private boolean inWindow(Instant time, Instant now) {
        return time.isAfter(now.minus(window)) && !time.isAfter(now);
    }

    /** Drops the oldest entries once they left the window (entries come in clock order, so the head is oldest). */
    private void forgetBefore(Instant now) {
        Instant edge = now.minus(window);
        while (!entries.isEmpty() && !entries.peekFirst().time().isAfter(edge)) entries.removeFirst();
    }
}
