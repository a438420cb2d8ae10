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
 * @param maxGroupSize      the most writes committed in one group transaction
 */
public record SqliteOptions(int snapshotRetention, Duration busyTimeout, int maxGroupSize) {

    public static final int DEFAULT_SNAPSHOT_RETENTION = 5;

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

    /** Five snapshots, a five second busy timeout, groups of up to 10 000 writes. */
    public static SqliteOptions defaults() {
        return new SqliteOptions(DEFAULT_SNAPSHOT_RETENTION, Duration.ofSeconds(5), 10_000);
    }

    public SqliteOptions withSnapshotRetention(int keep) {
        return new SqliteOptions(keep, busyTimeout, maxGroupSize);
    }

    public SqliteOptions withBusyTimeout(Duration timeout) {
        return new SqliteOptions(snapshotRetention, timeout, maxGroupSize);
    }

    public SqliteOptions withMaxGroupSize(int writes) {
        return new SqliteOptions(snapshotRetention, busyTimeout, writes);
    }
}
