package io.tradekit.core.net;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/**
 * Bounds on the numbers and documents a venue may send. A decimal such as {@code "1E+10000000"} is only
 * eleven characters, yet the first addition to it builds a ten-million-digit number and holds the
 * thread for many seconds; prices, quantities and fees never need more than a few dozen digits, so
 * anything beyond {@link #MAX_PRECISION} significant digits or a {@link #MAX_SCALE} exponent either way
 * is refused as malformed before it reaches arithmetic.
 *
 * <pre>{@code BigDecimal price = NumberLimits.decimal("65020.55"); // NumberFormatException for "1E+10000000"}</pre>
 */
public final class NumberLimits {

    /** Most significant digits a venue decimal may have. */
    public static final int MAX_PRECISION = 40;
    /** Largest scale, either way, a venue decimal may have (1e-30 .. 1e30 at one digit). */
    public static final int MAX_SCALE = 30;
    /** Longest number token a JSON reader accepts. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Deepest nesting a JSON reader accepts; venue documents are a few levels deep. */
    public static final int MAX_NESTING = 32;

    private NumberLimits() {
    }

    /**
     * Parses a venue decimal.
     *
     * @throws NumberFormatException naming the text (cut to 40 characters when longer than 64) when it is no decimal or is out of bounds
     * @param text the venue's text, e.g. {@code "65020.55"}
     * @return the decimal, exactly as written
     */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isEmpty()) {
            throw new NumberFormatException("empty text is not a decimal");
        }
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new NumberFormatException("'" + text.substring(0, 40) + "...' (" + text.length() + " characters) is longer than "
                    + MAX_NUMBER_LENGTH + " characters");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not a decimal");
        }
        return checked(value, text);
    }

    /**
     * {@link #decimal(String)} over {@code length} characters of {@code chars} from {@code offset}, as a
     * streaming JSON reader hands a token over: no text is made unless the decimal is refused.
     *
     * @param chars the characters holding the token
     * @param offset where the token starts in {@code chars}
     * @param length the token's length in characters
     * @return the decimal, within the same bounds as {@link #decimal(String)}
     * @throws NumberFormatException if the token is not a decimal or is outside those bounds (the message quotes it)
     */
    public static BigDecimal decimal(char[] chars, int offset, int length) {
        if (length == 0 || length > MAX_NUMBER_LENGTH) return decimal(new String(chars, offset, length));
        BigDecimal value;
        try {
            value = new BigDecimal(chars, offset, length);
        } catch (NumberFormatException e) {
            return decimal(new String(chars, offset, length));
        }
        if (value.precision() > MAX_PRECISION || value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE) {
            return checked(value, new String(chars, offset, length));
        }
        return value;
    }

    /**
     * {@code value} itself when within bounds.
     *
     * @param value the decimal to check
     * @param shownAs how to name it in the error message (the venue's text)
     * @return {@code value}
     * @throws NumberFormatException if it has more than {@link #MAX_PRECISION} digits or a scale beyond {@link #MAX_SCALE} either way
     */
    public static BigDecimal checked(BigDecimal value, String shownAs) {
        if (value.precision() > MAX_PRECISION || value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE) {
            throw new NumberFormatException("'" + shownAs + "' is outside the accepted magnitude (at most " + MAX_PRECISION
                    + " digits, exponent within +-" + MAX_SCALE + ")");
        }
        return value;
    }

    /**
     * A JSON reader for venue messages with these bounds on number tokens and nesting.
     *
     * @return a new mapper; share it, it is thread-safe once configured
     */
    public static ObjectMapper jsonMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH).maxNestingDepth(MAX_NESTING).build());
        return mapper;
    }
}
