package io.tradekit.data;

import io.tradekit.api.InvalidInputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The lines of a UTF-8 text file that a person gave us (a bars CSV, a configuration), read the way every such
 * reader should: the path must be a file, a leading byte order mark is skipped, a line longer than the limit is
 * refused before it fills the memory, and invalid UTF-8 is reported with its line and byte offset in the file
 * rather than as "could not read". Line ends are {@code \n} or {@code \r\n}.
 *
 * <pre>{@code
 * try (Utf8Lines lines = Utf8Lines.open(file, Utf8Lines.MAX_LINE_BYTES)) {
 *     for (String line; (line = lines.next()) != null; ) { ... lines.number() ... }
 * }}</pre>
 */
public final class Utf8Lines implements AutoCloseable {

    /** The longest line a data file may have: far beyond any real row, far below what would strain the memory. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final Path file;
    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[256];
    private long offset;
    private int number;
    private boolean ended;

    private Utf8Lines(Path file, InputStream in, int maxLineBytes) {
        this.file = file;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Opens {@code file} for reading. The caller closes it.
     *
     * @param file         the file to read
     * @param maxLineBytes the longest line allowed, in bytes; {@link #MAX_LINE_BYTES} for data files
     * @return the open reader, positioned before the first line
     * @throws InvalidInputException if it does not exist or is not a regular file
     * @throws java.io.UncheckedIOException if it cannot be opened
     */
    public static Utf8Lines open(Path file, int maxLineBytes) {
        requireFile(file, "file");
        try {
            return new Utf8Lines(file, new BufferedInputStream(Files.newInputStream(file), 64 * 1024), maxLineBytes);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A whole small text file (a configuration), checked like every line of {@link #open}.
     *
     * @param file     the file to read
     * @param what     what the file is, for messages (e.g. {@code configuration file})
     * @param maxBytes the largest file allowed, in bytes
     * @return the text, each line ended by {@code \n} (a {@code \r\n} becomes {@code \n}, a byte order mark is dropped)
     * @throws InvalidInputException when the file is missing, not a regular file, larger than {@code maxBytes},
     *                               or not valid UTF-8 (naming the line and byte offset)
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public static String readAll(Path file, String what, int maxBytes) {
        requireFile(file, what);
        try {
            if (Files.size(file) > maxBytes) {
                throw new InvalidInputException(what + " " + file + " is " + Files.size(file) + " bytes; it may be at most " + maxBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + what + " " + file + ": " + e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder();
        try (Utf8Lines lines = open(file, maxBytes)) {
            for (String line; (line = lines.next()) != null; ) text.append(line).append('\n');
        }
        return text.toString();
    }

    /**
     * The next line without its line end.
     *
     * @return the line, or null at the end of the file
     * @throws InvalidInputException when the line is longer than the limit or not valid UTF-8 (naming file, line and byte offset)
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public String next() {
        if (ended) return null;
        long start = offset;
        int length = 0;
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (length == maxLineBytes) {
                    throw new InvalidInputException(file + ":" + (number + 1) + ": the line is longer than " + maxLineBytes + " bytes");
                }
                if (length == buffer.length) buffer = java.util.Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLineBytes));
                buffer[length++] = (byte) b;
            }
            if (b == -1) {
                ended = true;
                if (length == 0) return null;
            }
            offset += length + (b == '\n' ? 1 : 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + " at line " + (number + 1) + ": " + e.getMessage(), e);
        }
        number++;
        int from = 0;
        if (number == 1 && length >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            from = 3; // a byte order mark, as some editors write it: not part of the text
        }
        int end = length > from && buffer[length - 1] == '\r' ? length - 1 : length;
        return decode(from, end, start);
    }

    /**
     * The number of the line {@link #next()} returned last.
     *
     * @return the line number, from 1; 0 before the first line
     */
    public int number() {
        return number;
    }

    /** Closes the file; an error while closing is ignored, since nothing was written. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only: nothing is lost
        }
    }

    private String decode(int from, int end, long lineStart) {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, from, end - from);
        CharBuffer chars = CharBuffer.allocate(end - from);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            long at = lineStart + bytes.position();
            throw new InvalidInputException(file + ":" + number + ": invalid UTF-8 at byte offset " + at + " of the file (byte "
                    + (bytes.position() + 1) + " of the line: 0x" + String.format("%02X", buffer[bytes.position()] & 0xFF)
                    + "); save the file as UTF-8");
        }
        decoder.flush(chars);
        return chars.flip().toString();
    }

    private static void requireFile(Path file, String what) {
        if (Files.isDirectory(file)) throw new InvalidInputException(what + " " + file + " is a directory, not a file");
        if (!Files.exists(file)) throw new InvalidInputException(what + " " + file + " does not exist");
        if (!Files.isRegularFile(file)) throw new InvalidInputException(what + " " + file + " is not a regular file");
    }
}
