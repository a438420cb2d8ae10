package io.tradekit.core.store;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;

/**
 * How long a bot's journal keeps its audit events, equity snapshots and metrics snapshots, and how often a running
 * bot prunes older rows (wall time). Orders, fills and snapshots are never pruned: recovery needs them.
 *
 * <pre>{@code Retention.defaults().withEvents(Duration.ofDays(90))}</pre>
 */
public record Retention(Duration events, Duration equity, Duration metrics, Duration cleanupEvery) {

    /** A generous default: a year of every kind of row, pruned once an hour. */
    public static final Duration DEFAULT_AGE = Duration.ofDays(365);

    public Retention {
        positive(events, "events");
        positive(equity, "equity");
        positive(metrics, "metrics");
        positive(cleanupEvery, "cleanupEvery");
    }

    /** A year of each kind of row, pruned hourly. */
    public static Retention defaults() {
        return new Retention(DEFAULT_AGE, DEFAULT_AGE, DEFAULT_AGE, Duration.ofHours(1));
    }

    /** These settings keeping audit events for {@code age}. */
    public Retention withEvents(Duration age) {
        return new Retention(age, equity, metrics, cleanupEvery);
    }

    /** These settings keeping equity snapshots for {@code age}. */
    public Retention withEquity(Duration age) {
        return new Retention(events, age, metrics, cleanupEvery);
    }

    /** These settings keeping metrics snapshots for {@code age}. */
    public Retention withMetrics(Duration age) {
        return new Retention(events, equity, age, cleanupEvery);
    }

    /** These settings pruning every {@code every} of wall time. */
    public Retention withCleanupEvery(Duration every) {
        return new Retention(events, equity, metrics, every);
    }

    private static void positive(Duration d, String field) {
        if (d == null || d.isNegative() || d.isZero()) throw new InvalidInputException("retention: " + field + " must be positive, got " + d);
    }
}
