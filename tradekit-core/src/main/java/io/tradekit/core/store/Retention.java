package io.tradekit.core.store;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;

/**
 * How long a bot's journal keeps its audit events, equity snapshots and metrics snapshots, and how often a running
 * bot prunes older rows (wall time). Orders, fills and snapshots are never pruned: recovery needs them.
 *
 * <pre>{@code Retention.defaults().withEvents(Duration.ofDays(90))}</pre>
 *
 * @param events       how long audit events are kept; positive
 * @param equity       how long equity snapshots are kept; positive
 * @param metrics      how long metrics snapshots are kept; positive
 * @param cleanupEvery how often a running bot prunes; positive
 */
public record Retention(Duration events, Duration equity, Duration metrics, Duration cleanupEvery) {

    /** The default age for every kind of row: 365 days. */
    public static final Duration DEFAULT_AGE = Duration.ofDays(365);

    /**
     * Checks every duration.
     *
     * @throws InvalidInputException if any duration is null, zero or negative; the message names the field
     */
    public Retention {
        positive(events, "events");
        positive(equity, "equity");
        positive(metrics, "metrics");
        positive(cleanupEvery, "cleanupEvery");
    }

    /**
     * The default retention.
     *
     * @return {@link #DEFAULT_AGE} for each kind of row, pruned hourly
     */
    public static Retention defaults() {
        return new Retention(DEFAULT_AGE, DEFAULT_AGE, DEFAULT_AGE, Duration.ofHours(1));
    }

    /**
     * These settings, but keeping audit events for {@code age}.
     *
     * @param age how long to keep them; positive
     * @return a new retention; this one is unchanged
     * @throws InvalidInputException if {@code age} is null, zero or negative
     */
    public Retention withEvents(Duration age) {
        return new Retention(age, equity, metrics, cleanupEvery);
    }

    /**
     * These settings, but keeping equity snapshots for {@code age}.
     *
     * @param age how long to keep them; positive
     * @return a new retention; this one is unchanged
     * @throws InvalidInputException if {@code age} is null, zero or negative
     */
    public Retention withEquity(Duration age) {
        return new Retention(events, age, metrics, cleanupEvery);
    }

    /**
     * These settings, but keeping metrics snapshots for {@code age}.
     *
     * @param age how long to keep them; positive
     * @return a new retention; this one is unchanged
     * @throws InvalidInputException if {@code age} is null, zero or negative
     */
    public Retention withMetrics(Duration age) {
        return new Retention(events, equity, age, cleanupEvery);
    }

    /**
     * These settings, but pruning every {@code every} of wall time.
     *
     * @param every the interval between prunings; positive
     * @return a new retention; this one is unchanged
     * @throws InvalidInputException if {@code every} is null, zero or negative
     */
    public Retention withCleanupEvery(Duration every) {
        return new Retention(events, equity, metrics, every);
    }

    private static void positive(Duration d, String field) {
        if (d == null || d.isNegative() || d.isZero()) throw new InvalidInputException("retention: " + field + " must be positive, got " + d);
    }
}
