package io.tradekit.core.store;

import io.tradekit.core.store.internal.EpochNanos;
import io.tradekit.core.store.internal.JournalConnection;
import org.jdbi.v3.core.Handle;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Deletes the audit events, equity snapshots and metrics snapshots of a journal that are older than its
 * {@link Retention} allows, in one transaction over a connection of its own (the bot keeps writing meanwhile).
 */
public final class RetentionCleaner {

    /**
     * How many rows of each kind one pruning deleted.
     *
     * @param events  audit events deleted
     * @param equity  equity snapshots deleted
     * @param metrics metrics snapshots deleted
     */
    public record Pruned(int events, int equity, int metrics) {
    }

    private RetentionCleaner() {
    }

    /**
     * Prunes the journal {@code file} as of {@code now}: deletes the rows of each kind older than {@code now} minus
     * that kind's age. Opens and closes a connection of its own; safe to call while a bot writes the same journal.
     *
     * @param file      the bot's SQLite journal
     * @param retention how long each kind of row is kept
     * @param now       the wall time the ages are measured back from
     * @return how many rows of each kind were deleted
     */
    public static Pruned prune(Path file, Retention retention, Instant now) {
        try (Handle handle = JournalConnection.open(file)) {
            return handle.inTransaction(tx -> new Pruned(
                    delete(tx, "events", now.minus(retention.events())),
                    delete(tx, "equity_snapshots", now.minus(retention.equity())),
                    delete(tx, "metrics_snapshots", now.minus(retention.metrics()))));
        }
    }

    private static int delete(Handle tx, String table, Instant before) {
        return tx.createUpdate("DELETE FROM " + table + " WHERE time_ns < ?").bind(0, EpochNanos.of(before, "retention cut-off")).execute();
    }
}
