package io.tradekit.core.store.internal;

import io.tradekit.core.store.UnrecoverableStateException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second connection to a bot's journal file, beside the store's own (in this process or another): SQLite's WAL
 * lets it read while the bot writes, and its writes wait for the bot's (busy timeout). For what is not the
 * bot's loop to write: approvals decided by an operator, retention pruning.
 */
public final class JournalConnection {

    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

    private JournalConnection() {
    }

    /** Opens the existing journal {@code file}; refuses a file that is not there. */
    public static Handle open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new UnrecoverableStateException("no bot journal at " + path);
        }
        try {
            return Jdbi.create(dataSource(path.toString(), BUSY_TIMEOUT)).open();
        } catch (RuntimeException e) {
            throw SqliteFailure.translate(path.toString(), e);
        }
    }

    /**
     * Connections to the journal at {@code location}, set up one way for the store's own and for a second one: WAL,
     * {@code synchronous=FULL}, foreign keys enforced, and writes that wait up to {@code busyTimeout} for another's.
     */
    public static SQLiteDataSource dataSource(String location, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + location);
        return dataSource;
    }

    /** Whether the journal has a table of this name (a file of an older schema may not). */
    public static boolean hasTable(Handle handle, String table) {
        return handle.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").bind(0, table)
                .mapTo(Integer.class).one() > 0;
    }
}
