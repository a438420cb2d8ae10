package io.tradekit.core.store.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;
import io.tradekit.core.store.UnrecoverableStateException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.util.Optional;

/**
 * Turns what SQLite and JDBI throw into errors that say which bot file failed and what a person can do.
 * A damaged file (SQLite's "file is not a database", "database disk image is malformed") is told apart
 * from other failures, because the bot must then refuse to start rather than retry.
 */
public final class SqliteFailure {

    private static final int SQLITE_CORRUPT = SQLiteErrorCode.SQLITE_CORRUPT.code;
    private static final int SQLITE_NOTADB = SQLiteErrorCode.SQLITE_NOTADB.code;

    private SqliteFailure() {
    }

    /** The error to throw for a failure while using the store at {@code location}. */
    public static TradeKitException translate(String location, Throwable failure) {
        if (failure instanceof UnrecoverableStateException unrecoverable) {
            return unrecoverable.getMessage().contains(location) ? unrecoverable
                    : new UnrecoverableStateException(location + ": " + unrecoverable.getMessage(), unrecoverable);
        }
        Optional<SQLiteException> sqlite = sqliteCause(failure);
        if (sqlite.isPresent() && isDamage(sqlite.get())) {
            return damaged(location, "SQLite says \"" + sqlite.get().getMessage() + "\"", failure);
        }
        if (failure instanceof TradeKitException known) {
            return known;
        }
        String detail = sqlite.map(Throwable::getMessage).orElse(String.valueOf(failure.getMessage()));
        return new TradeKitException(ErrorCategory.INTERNAL, "state store " + location + " failed: " + detail, failure);
    }

    /** The error for a file whose bytes cannot be trusted. */
    public static UnrecoverableStateException damaged(String location, String what, Throwable cause) {
        return new UnrecoverableStateException("state store " + location + " is damaged (" + what + "). The bot will not start "
                + "on it: restore the file from a backup, or move it aside to start from an empty state and reconcile the "
                + "venue's open orders and positions by hand.", cause);
    }

    private static boolean isDamage(SQLiteException e) {
        int primary = e.getResultCode().code & 0xFF;
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    private static Optional<SQLiteException> sqliteCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return Optional.of(sqlite);
            }
        }
        return Optional.empty();
    }
}
