package io.tradekit.core.store.internal;

import io.tradekit.api.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one journal, checked before SQLite opens them: the database, its write-ahead log and what the
 * lock file says about the last session. SQLite takes a missing log or a database without its log as a
 * smaller, valid journal; these checks turn that silent loss into a refusal that names the file.
 *
 * <h2>Checkpoint policy</h2>
 * Committed writes go to the write-ahead log first; SQLite copies them into the database file at its automatic
 * checkpoints (when the log passes about 1000 pages) and the store checkpoints the whole log into the database
 * at every proper close, after which SQLite removes the log. Between those moments the log is part of the
 * journal: a backup must copy the database and its {@code -wal} together, with the bot stopped.
 */
public final class JournalFiles {

    private JournalFiles() {
    }

    /** Refuses a path that cannot be a journal file: a directory, or a file whose parent is not a directory. */
    public static void requireFilePath(Path journal) {
        if (Files.isDirectory(journal)) {
            throw new InvalidInputException("state store path " + journal + " is a directory; give the path of a file "
                    + "(for example " + journal.resolve("bot.db") + ")");
        }
        if (journal.getFileName() == null) {
            throw new InvalidInputException("state store path " + journal + " names no file; give the path of a file such as bot.db");
        }
        Path parent = journal.getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new InvalidInputException("state store path " + journal + " lies under " + p + ", which is a file, not a directory");
            }
        }
    }

    /**
     * Refuses journal files that lost committed writes outside SQLite's view.
     *
     * @param previousEndedUncleanly the last process died with the journal open (see {@link JournalLock})
     */
    public static void verify(Path journal, boolean previousEndedUncleanly) {
        String location = journal.toString();
        Path wal = WriteAheadLog.fileFor(journal);
        try {
            boolean databaseEmpty = !Files.exists(journal) || Files.size(journal) == 0;
            long walSize = Files.isRegularFile(wal) ? Files.size(wal) : -1;
            if (databaseEmpty && walSize > 0) {
                throw SqliteFailure.damaged(location, "the database file is " + (Files.exists(journal) ? "empty" : "missing")
                        + " but its write-ahead log " + wal + " holds " + walSize + " bytes: the database was deleted or truncated", null);
            }
            if (previousEndedUncleanly && !databaseEmpty && walSize < 0) {
                throw SqliteFailure.damaged(location, "the last process died with the journal open, so its write-ahead log " + wal
                        + " must be beside it, but it is gone: every write since the last checkpoint is lost", null);
            }
            Optional<String> lost = WriteAheadLog.lostCommits(wal);
            if (lost.isPresent()) {
                throw SqliteFailure.damaged(location, "its write-ahead log " + wal + " is damaged: " + lost.get(), null);
            }
        } catch (IOException e) {
            throw SqliteFailure.translate(location, e);
        }
    }
}
