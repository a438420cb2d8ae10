package io.tradekit.core.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads SQLite's write-ahead log ({@code <journal>-wal}) before SQLite does, to catch the one damage SQLite
 * forgives silently: it replays the log only up to the first frame whose checksum fails and drops the rest, so
 * a flipped byte in the log would quietly cut the journal short. A torn last transaction (a power cut during a
 * commit) looks the same, so this refuses only when a whole committed transaction follows the damaged one:
 * that cannot be a torn tail.
 *
 * <p>The format is SQLite's documented one: a 32-byte header (magic, version, page size, checkpoint sequence,
 * two salts, a checksum of the first 24 bytes), then frames of a 24-byte header (page number, database size
 * after commit or 0, the two salts, a running checksum) and one page.
 */
public final class WriteAheadLog {

    private static final int HEADER = 32;
    private static final int FRAME_HEADER = 24;
    private static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
    private static final int MAGIC_BIG_ENDIAN = 0x377f0683;

    private WriteAheadLog() {
    }

    /** The write-ahead log of a journal: the database's name with {@code -wal} added. */
    public static Path fileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + "-wal");
    }

    /** What is wrong with the log, if committed transactions in it would be lost; empty if SQLite will replay all. */
    public static Optional<String> lostCommits(Path wal) throws IOException {
        if (!Files.isRegularFile(wal) || Files.size(wal) < HEADER) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(wal)) {
            ByteBuffer header = ByteBuffer.wrap(in.readNBytes(HEADER));
            int magic = header.getInt(0);
            int pageSize = header.getInt(8);
            if (pageSize == 1) pageSize = 65536; // SQLite writes 64 KiB pages as 1
            boolean plausible = (magic == MAGIC_LITTLE_ENDIAN || magic == MAGIC_BIG_ENDIAN) && pageSize >= 512 && pageSize <= 65536
                    && Integer.bitCount(pageSize) == 1;
            long frames = plausible ? (Files.size(wal) - HEADER) / (FRAME_HEADER + pageSize) : 0;
            if (!plausible) {
                return Files.size(wal) > HEADER ? Optional.of("its header is not a write-ahead log header") : Optional.empty();
            }
            ByteOrder order = magic == MAGIC_BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int[] sum = checksum(header.array(), 0, 24, order, 0, 0);
            if (sum[0] != header.getInt(24) || sum[1] != header.getInt(28)) {
                return frames > 0 ? Optional.of("its header's checksum does not match, so SQLite would ignore all " + frames + " frames")
                        : Optional.empty();
            }
            int salt1 = header.getInt(16);
            int salt2 = header.getInt(20);
            long firstBad = -1;
            long commitsAfterBad = 0;
            byte[] frame = new byte[FRAME_HEADER + pageSize];
            for (long i = 0; i < frames; i++) {
                if (in.readNBytes(frame, 0, frame.length) < frame.length) break;
                ByteBuffer f = ByteBuffer.wrap(frame);
                boolean ours = f.getInt(8) == salt1 && f.getInt(12) == salt2;
                boolean commit = f.getInt(4) != 0;
                if (firstBad < 0) {
                    int[] next = checksum(frame, 0, 8, order, sum[0], sum[1]);
                    next = checksum(frame, FRAME_HEADER, pageSize, order, next[0], next[1]);
                    if (ours && f.getInt(0) != 0 && next[0] == f.getInt(16) && next[1] == f.getInt(20)) {
                        sum = next;
                        continue;
                    }
                    firstBad = i;
                }
                // After the first bad frame the running checksum cannot be followed; frames of this log generation
                // that end a transaction still show that commits were written after it.
                if (ours && commit) commitsAfterBad++;
            }
            if (commitsAfterBad >= 2) {
                return Optional.of("frame " + (firstBad + 1) + " of " + frames + " fails its checksum and " + (commitsAfterBad - 1)
                        + " committed transaction(s) follow it, which SQLite would drop");
            }
            return Optional.empty();
        }
    }

    /** SQLite's WAL checksum: pairs of 32-bit words in the log's byte order, folded into two running sums. */
    private static int[] checksum(byte[] data, int offset, int length, ByteOrder order, int s0, int s1) {
        ByteBuffer words = ByteBuffer.wrap(data, offset, length).order(order);
        for (int i = offset; i < offset + length; i += 8) {
            s0 += words.getInt(i) + s1;
            s1 += words.getInt(i + 4) + s0;
        }
        return new int[] {s0, s1};
    }
}
