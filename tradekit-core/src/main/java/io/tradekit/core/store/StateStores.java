package io.tradekit.core.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens tradekit's state stores.
 *
 * <pre>{@code
 * try (SqliteStateStore store = StateStores.sqlite(Path.of("bots/btc-grid.db"))) {
 *     RecoveredState state = StateLoader.load(store);
 *     ...
 * }}</pre>
 */
public final class StateStores {

    private StateStores() {
    }

    /** A store in memory, for backtests and tests, keeping the last {@value SqliteOptions#DEFAULT_SNAPSHOT_RETENTION} snapshots. */
    public static MemoryStateStore memory() {
        return new MemoryStateStore(SqliteOptions.DEFAULT_SNAPSHOT_RETENTION);
    }

    /**
     * Refuses a path that cannot be a journal file (a directory, a path under a file), before anything is
     * written beside it; {@link #sqlite} checks the same at open.
     *
     * @throws io.tradekit.api.InvalidInputException naming the path and what it is
     */
    public static void requireJournalPath(Path file) {
        io.tradekit.core.store.internal.JournalFiles.requireFilePath(file.toAbsolutePath().normalize());
    }

    /** Opens or creates the bot's SQLite file with {@link SqliteOptions#defaults()}. */
    public static SqliteStateStore sqlite(Path file) {
        return sqlite(file, SqliteOptions.defaults());
    }

    /**
     * Opens or creates the bot's SQLite file, upgrading its schema.
     *
     * @throws UnrecoverableStateException if the file is damaged or is not a tradekit store
     */
    public static SqliteStateStore sqlite(Path file, SqliteOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return SqliteStateStore.open(file, options);
    }
}
