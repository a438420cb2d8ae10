package io.tradekit.core.store.internal;

import io.tradekit.core.store.UnrecoverableStateException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many transactions a journal has committed, kept twice: inside the database (SQLite's {@code user_version}
 * header field, set in every commit's own transaction) and beside it in {@code <journal>.commits}, written after
 * each commit. A write-ahead log cut cleanly at a frame boundary is a valid, shorter log to SQLite; the count beside
 * the file is what shows that commits are missing.
 *
 * <p>The file beside is written after the commit and without a sync of its own, so it can only ever lag the
 * database (a kill or a power cut between the two): a database ahead of it is fine, one behind it has lost commits.
 * Counts are 32-bit and wrap; they are compared by their difference, which stays right across the wrap.
 */
public final class CommitCount implements AutoCloseable {

    private static final int BYTES = 8;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    private int count;

    private CommitCount(Path file, FileChannel channel, int count) {
        this.file = file;
        this.channel = channel;
        this.count = count;
    }

    /** The file beside {@code journal} that mirrors its commit count. */
    public static Path fileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".commits");
    }

    /**
     * Checks the database's count against the one beside it and opens the file beside for writing. A journal
     * created just now ({@code created}) starts both at its database's count, whatever an older file beside says.
     *
     * @throws UnrecoverableStateException naming the journal when the database holds fewer commits than were made
     */
    public static CommitCount open(Path journal, int inDatabase, boolean created) {
        Path file = fileFor(journal);
        try {
            if (!created) {
                int recorded = recorded(file);
                int missing = recorded - inDatabase;
                if (missing > 0) {
                    throw SqliteFailure.damaged(journal.toString(), "it holds " + inDatabase + " commits but " + file + " says "
                            + recorded + " were made: the last " + missing + " commit(s) were cut off (its write-ahead log "
                            + WriteAheadLog.fileFor(journal) + " was truncated or replaced). Restore the journal and its log "
                            + "together from a backup, or move all three files aside to start a new journal", null);
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            CommitCount count = new CommitCount(file, channel, inDatabase);
            count.write();
            return count;
        } catch (IOException e) {
            throw SqliteFailure.translate(journal.toString(), e);
        }
    }

    /** The count the next commit records in its transaction. */
    public int next() {
        return count + 1; // wraps past Integer.MAX_VALUE, as SQLite's signed user_version does
    }

    /** Records beside the journal that the commit holding {@link #next()} is durable. */
    public void committed() throws IOException {
        count = next();
        write();
    }

    private void write() throws IOException {
        buffer.clear();
        buffer.putInt(count).putInt(~count).flip();
        while (buffer.hasRemaining()) channel.write(buffer, buffer.position());
    }

    /** The count in the file; 0 when there is none or it is unreadable (torn by a power cut): it then proves nothing. */
    private static int recorded(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < BYTES) return 0;
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        int value = in.getInt(0);
        return in.getInt(4) == ~value ? value : 0;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Everything written is in the file already; a channel that fails to close holds nothing more.
        }
    }

    @Override
    public String toString() {
        return "commit count " + count + " in " + file;
    }
}
