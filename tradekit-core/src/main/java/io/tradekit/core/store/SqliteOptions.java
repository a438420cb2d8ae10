package io.tradekit.core.store;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SqliteStateStore} keeps its file.
 *
 * <pre>{@code StateStores.sqlite(Path.of("bot.db"), SqliteOptions.defaults().withSnapshotRetention(10));}</pre>
 *
 * @param snapshotRetention how many bot snapshots are kept, newest first (at least 1; older ones are pruned
 *                          in the same transaction that saves a new one)
 * @param busyTimeout       how long a statement waits for a lock held by another connection before failing
 * @param maxGroupSize      the most writes committed in one group transaction (at least 1)
 */
public record SqliteOptions(int snapshotRetention, Duration busyTimeout, int maxGroupSize) {

    /** How many snapshots {@link #defaults()} keeps (also what {@link StateStores#memory()} keeps). */
    public static final int DEFAULT_SNAPSHOT_RETENTION = 5;

    /**
     * Checks the options.
     *
     * @throws InvalidInputException if {@code snapshotRetention} or {@code maxGroupSize} is below 1, or
     *                               {@code busyTimeout} is negative or longer than {@link Integer#MAX_VALUE} ms
     * @throws NullPointerException  if {@code busyTimeout} is null
     */
    public SqliteOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (snapshotRetention < 1) {
            throw new InvalidInputException("SqliteOptions: snapshotRetention must be at least 1, got " + snapshotRetention);
        }
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidInputException("SqliteOptions: busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms, got " + busyTimeout);
        }
        if (maxGroupSize < 1) {
            throw new InvalidInputException("SqliteOptions: maxGroupSize must be at least 1, got " + maxGroupSize);
        }
    }

    /**
     * The default options.
     *
     * @return {@value #DEFAULT_SNAPSHOT_RETENTION} snapshots, a five second busy timeout, groups of up to 10 000 writes
     */
    public static SqliteOptions defaults() {
        return new SqliteOptions(DEFAULT_SNAPSHOT_RETENTION, Duration.ofSeconds(5), 10_000);
    }

    /**
     * These options, but keeping {@code keep} snapshots.
     *
     * @param keep how many snapshots to keep; at least 1
     * @return new options; these are unchanged
     * @throws InvalidInputException if {@code keep} is below 1
     */
    public SqliteOptions withSnapshotRetention(int keep) {
        return new SqliteOptions(keep, busyTimeout, maxGroupSize);
    }

    /**
     * These options, but with another busy timeout.
     *
     * @param timeout how long a statement waits for another connection's lock; 0 to {@link Integer#MAX_VALUE} ms
     * @return new options; these are unchanged
     * @throws InvalidInputException if {@code timeout} is negative or too long
     */
    public SqliteOptions withBusyTimeout(Duration timeout) {
        return new SqliteOptions(snapshotRetention, timeout, maxGroupSize);
    }

    /**
     * These options, but with another group size.
     *
     * @param writes the most writes committed in one group transaction; at least 1
     * @return new options; these are unchanged
     * @throws InvalidInputException if {@code writes} is below 1
     */
    public SqliteOptions withMaxGroupSize(int writes) {
        return new SqliteOptions(snapshotRetention, busyTimeout, writes);
    }
}
