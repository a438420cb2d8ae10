package io.tradekit.core.store.internal;

import io.tradekit.core.store.JournalInUseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one-process-per-journal rule: an exclusive OS lock on {@code <journal>.lock}, held from open to close.
 * The lock file also says who holds it and in which phase: {@code opening pid=… started=…} while the store opens,
 * {@code open pid=… started=…} once SQLite has the database and its write-ahead log open, {@code closed} after a
 * proper close. A later open that finds {@code open} knows the previous process died with the journal open, so the
 * log must still be beside the database (SQLite removes it only at a clean close); a process killed while opening
 * passes on what it found, so a kill during a restart never hides, nor invents, a missing log.
 *
 * <p>The OS releases the lock when the process dies, however it dies, so a crashed bot never blocks its restart.
 */
public final class JournalLock implements AutoCloseable {

    private static final String OPEN = "open";
    private static final String OPENING = "opening";
    private static final String OPENING_AFTER_UNCLEAN_END = "opening-after-unclean-end";
    private static final String CLOSED = "closed";
    private static final int MAX_HOLDER_TEXT = 200;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean previousEndedUncleanly;

    private JournalLock(Path file, FileChannel channel, FileLock lock, boolean previousEndedUncleanly) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previousEndedUncleanly = previousEndedUncleanly;
    }

    /** The lock file of a journal: the database's name with {@code .lock} added. */
    public static Path fileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".lock");
    }

    /**
     * Takes the journal's lock, or refuses with the holder's pid and start time.
     *
     * @throws JournalInUseException if another process, or another store of this process, has the journal open
     */
    public static JournalLock acquire(Path journal) {
        Path file = fileFor(journal);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + file + " of journal " + journal + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new JournalInUseException("journal " + journal + " is already open in this process (pid "
                        + ProcessHandle.current().pid() + "); one store per journal at a time");
            }
            if (lock == null) {
                throw new JournalInUseException("journal " + journal + " is in use by another process (" + holder(channel)
                        + ", as its lock file " + file + " says); one process per journal: stop that process first, "
                        + "or give this bot a journal of its own");
            }
            String previous = holder(channel);
            boolean unclean = previous.startsWith(OPEN + " ") || previous.startsWith(OPENING_AFTER_UNCLEAN_END + " ");
            JournalLock taken = new JournalLock(file, channel, lock, unclean);
            taken.mark(unclean ? OPENING_AFTER_UNCLEAN_END : OPENING);
            return taken;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock journal " + journal + " through " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Records that SQLite has the journal and its write-ahead log open: from now on a kill leaves the log beside it. */
    public void markOpen() {
        mark(OPEN);
    }

    private void mark(String phase) {
        try {
            write(channel, phase + " pid=" + ProcessHandle.current().pid() + " started="
                    + ProcessHandle.current().info().startInstant().orElse(Instant.now()) + " at=" + Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** True if the process that had the journal open before this one died without closing it. */
    public boolean previousEndedUncleanly() {
        return previousEndedUncleanly;
    }

    /**
     * Records that the journal was closed properly; call it once everything is committed and checkpointed into the
     * database file, before the database is closed, so that a kill at any moment of a close leaves a marker that
     * tells the truth about the write-ahead log.
     */
    public void markClosed() {
        try {
            write(channel, CLOSED + " by pid=" + ProcessHandle.current().pid() + " at=" + Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark journal lock " + file + " closed: " + e.getMessage(), e);
        }
    }

    /** Releases the lock; the marker stays as it is. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        } finally {
            closeQuietly(channel);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_TEXT);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "holder unknown" : text.replaceAll("\\p{Cntrl}", " ");
    }

    private static void write(FileChannel channel, String text) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
