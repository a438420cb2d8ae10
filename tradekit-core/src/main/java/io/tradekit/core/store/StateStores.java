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

    /**
     * A store in memory, for backtests and tests; nothing survives the process.
     *
     * @return a new, empty store keeping the last {@value SqliteOptions#DEFAULT_SNAPSHOT_RETENTION} snapshots
     */
    public static MemoryStateStore memory() {
        return new MemoryStateStore(SqliteOptions.DEFAULT_SNAPSHOT_RETENTION);
    }

    /**
     * Refuses a path that cannot be a journal file (a directory, a path under a file), before anything is
     * written beside it; {@link #sqlite} checks the same at open.
     *
     * @param file the journal path to check
     *
     * @throws io.tradekit.api.InvalidInputException naming the path and what it is
     */
    public static void requireJournalPath(Path file) {
        io.tradekit.core.store.internal.JournalFiles.requireFilePath(file.toAbsolutePath().normalize());
    }

    /**
     * Opens or creates the bot's SQLite file with {@link SqliteOptions#defaults()}, upgrading its schema.
     *
     * @param file the bot's journal file; created if it does not exist
     * @return the open store; the caller closes it
     * @throws UnrecoverableStateException if the file is damaged or is not a tradekit store
     */
    public static SqliteStateStore sqlite(Path file) {
        return sqlite(file, SqliteOptions.defaults());
    }

    /**
     * Opens or creates the bot's SQLite file, upgrading its schema.
     *
     * @param file    the bot's journal file; created if it does not exist
     * @param options how the store keeps the file
     * @return the open store; the caller closes it
     * @throws NullPointerException        if {@code file} or {@code options} is null
     * @throws UnrecoverableStateException if the file is damaged or is not a tradekit store
     */
    public static SqliteStateStore sqlite(Path file, SqliteOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return SqliteStateStore.open(file, options);
    }
}
