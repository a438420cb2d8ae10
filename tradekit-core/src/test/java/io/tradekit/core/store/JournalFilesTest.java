package io.tradekit.core.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One process per journal, and a journal whose files lost committed writes outside SQLite's view: each tried with
 * a real second JVM that holds the journal or is killed with SIGKILL while everything lives in the write-ahead log.
 */
class JournalFilesTest {

    private static final int FILLS = 40;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondProcessOnTheSameJournalIsRefusedWithTheHoldersPidAndStartTime() throws Exception {
        Path db = dir.resolve("bot.db");
        long holder = startHolder(db);

        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(JournalInUseException.class)
                .hasMessageContaining("in use by another process (open pid=" + holder + " started=")
                .hasMessageContaining(db + ".lock");
    }

    @Test
    void aJournalLeftInItsWriteAheadLogByAKilledProcessOpensWithEveryCommit() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();

        assertThat(Files.size(dir.resolve("bot.db-wal"))).as("the journal lives in the log").isPositive();
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.fills()).hasSize(FILLS);
            assertThat(store.orders()).hasSize(1);
        }
        assertThat(Files.readString(dir.resolve("bot.db.lock"))).startsWith("closed");
    }

    @Test
    void aLogDeletedAfterAKillIsRefusedNamingTheLog() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();
        Files.delete(dir.resolve("bot.db-wal"));

        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("state store " + db + " is damaged")
                .hasMessageContaining("its write-ahead log " + db + "-wal must be beside it, but it is gone");
    }

    @Test
    void aProcessKilledWhileOpeningNeitherHidesNorInventsAMissingLog() throws Exception {
        Path db = dir.resolve("bot.db");
        StateStores.sqlite(db).close();
        assertThat(dir.resolve("bot.db-wal")).doesNotExist();

        // Killed after taking the lock, before SQLite opened the log: the database needs no log.
        Files.writeString(dir.resolve("bot.db.lock"), "opening pid=999999 started=2026-01-01T00:00:00Z\n");
        StateStores.sqlite(db).close();

        // Killed while opening after a crash that left the log: the log is still needed, and its loss is still seen.
        Files.writeString(dir.resolve("bot.db.lock"), "opening-after-unclean-end pid=999999 started=2026-01-01T00:00:00Z\n");
        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("must be beside it, but it is gone");
    }

    @Test
    void aFlippedByteInTheLogIsRefusedNamingTheLog() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();
        Path wal = dir.resolve("bot.db-wal");
        long frame = 24 + 4096;
        long frames = (Files.size(wal) - 32) / frame;
        assertThat(frames).isGreaterThan(10);
        flipByte(wal, 32 + frames / 2 * frame + 24 + 100);

        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("its write-ahead log " + wal + " is damaged: frame " + (frames / 2 + 1) + " of " + frames
                        + " fails its checksum");
    }

    @Test
    void aLogCutCleanlyAfterACommitIsRefusedNamingTheJournalAndTheCount() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();
        Path wal = dir.resolve("bot.db-wal");
        List<Long> commitEnds = commitFrameEnds(wal);
        // The holder committed its order and each fill on its own: a cut after the second-to-last commit is a valid, shorter log.
        assertThat(commitEnds).hasSizeGreaterThan(FILLS);
        try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.WRITE)) {
            channel.truncate(commitEnds.get(commitEnds.size() - 2));
        }

        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("state store " + db + " is damaged")
                .hasMessageContaining("but " + db + ".commits says")
                .hasMessageContaining("the last 1 commit(s) were cut off (its write-ahead log " + wal + " was truncated or replaced)");
    }

    @Test
    void aJournalWhoseCountFileLagsItsCommitsOpensWithEveryCommit() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();
        // A kill between a commit and the count beside it leaves the count behind: the database is ahead, nothing is lost.
        Path count = dir.resolve("bot.db.commits");
        ByteBuffer behind = ByteBuffer.wrap(Files.readAllBytes(count));
        int value = behind.getInt(0) - 1;
        Files.write(count, ByteBuffer.allocate(8).putInt(value).putInt(~value).array());

        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.fills()).hasSize(FILLS);
        }
    }

    /** The byte offsets at which the log's commit frames end (SQLite's documented frame format: a 24-byte header, then a page). */
    private static List<Long> commitFrameEnds(Path wal) throws IOException {
        ByteBuffer log = ByteBuffer.wrap(Files.readAllBytes(wal));
        int pageSize = log.getInt(8);
        List<Long> ends = new ArrayList<>();
        for (long at = 32; at + 24 + pageSize <= log.capacity(); at += 24 + pageSize) {
            if (log.getInt((int) at + 4) != 0) ends.add(at + 24 + pageSize); // the database size after commit: set on a commit frame only
        }
        return ends;
    }

    @Test
    void aDatabaseDeletedBesideItsLogIsRefused() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();
        Files.delete(db);

        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("the database file is missing but its write-ahead log " + db + "-wal holds");
        assertThat(db).doesNotExist();
    }

    @Test
    void aDatabaseTruncatedToNothingBesideItsLogIsRefused() throws Exception {
        Path db = dir.resolve("bot.db");
        startHolder(db);
        killHolder();
        try (FileChannel channel = FileChannel.open(db, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }

        assertThatThrownBy(() -> StateStores.sqlite(db)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("the database file is empty but its write-ahead log");
    }

    @Test
    void aDirectoryAsTheStorePathIsRefusedAndNothingIsWrittenBesideIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("journals"));

        assertThatThrownBy(() -> StateStores.sqlite(folder)).hasMessageContaining("state store path " + folder + " is a directory");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(folder);
        }
        assertThatThrownBy(() -> StateStores.sqlite(Path.of("/"))).hasMessageContaining("state store path / is a directory");
    }

    private long startHolder(Path db) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                JournalHolder.class.getName(), db.toString(), Integer.toString(FILLS))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile())).start();
        children.add(child);
        String line = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
        assertThat(line).as("the child's first line; its log: %s", Files.exists(dir.resolve("child.log"))
                ? Files.readString(dir.resolve("child.log")) : "").startsWith("ready ");
        return Long.parseLong(line.substring("ready ".length()).trim());
    }

    private void killHolder() throws InterruptedException {
        Process child = children.removeLast();
        child.destroyForcibly(); // SIGKILL: no close, no checkpoint
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x40));
            one.rewind();
            channel.write(one, at);
        }
    }
}
