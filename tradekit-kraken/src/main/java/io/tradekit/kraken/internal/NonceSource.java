package io.tradekit.kraken.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * Nonces for one API key that only ever go up: across threads, across bots in this JVM, across
 * processes that share the key, and across restarts. The highest nonce handed out is kept in a small
 * file; each nonce is taken under an exclusive lock on it (a JVM-wide monitor per file, then an OS file
 * lock for other processes), as {@code max(highest + 1, now in milliseconds)}. Kraken refuses a nonce
 * not above the key's last one with {@code EAPI:Invalid nonce}; {@link #jumpAhead} moves the mark past
 * whatever another client on the key may have used.
 */
public final class NonceSource {

    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final Map<Path, ReentrantLock> SENDING = new ConcurrentHashMap<>();

    private final Path file;
    private final InstantSource clock;
    private final Object monitor;
    private final ReentrantLock sending;

    public NonceSource(Path file, InstantSource clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
        this.monitor = MONITORS.computeIfAbsent(this.file, f -> new Object());
        this.sending = SENDING.computeIfAbsent(this.file, f -> new ReentrantLock(true));
        try {
            Path parent = this.file.getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new TradeKitException(ErrorCategory.INVALID_INPUT, "kraken: cannot create the directory of the nonce file "
                    + this.file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the next nonce and runs {@code send} with it while no other caller in this JVM on the same
     * key can: Kraken refuses a nonce lower than one it has already seen, so two requests of one key
     * that race over two connections would refuse each other. Processes that share the key still race;
     * their refusals are handled as {@code EAPI:Invalid nonce}.
     */
    public <T> T sendInOrder(LongFunction<T> send) {
        sending.lock();
        try {
            return send.apply(next());
        } finally {
            sending.unlock();
        }
    }

    /** The next nonce, written to the file before it is returned. */
    public long next() {
        return update(0);
    }

    /** Moves the mark {@code millis} past what it is now (after Kraken said a nonce was too low) and returns the next nonce. */
    public long jumpAhead(long millis) {
        return update(millis);
    }

    public Path file() {
        return file;
    }

    private long update(long jump) {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                long highest = read(channel);
                long next = Math.max(highest + 1 + jump, clock.millis());
                ByteBuffer out = ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII));
                channel.truncate(0);
                channel.write(out, 0);
                channel.force(false);
                return next;
            } catch (IOException e) {
                throw new TradeKitException(ErrorCategory.INTERNAL, "kraken: cannot read or write the nonce file " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private long read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) return 0;
        if (size > 64) throw new IOException("it holds " + size + " bytes, expected one number");
        ByteBuffer in = ByteBuffer.allocate((int) size);
        channel.read(in, 0);
        String text = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("it holds '" + text + "', expected the highest nonce used");
        }
    }
}
