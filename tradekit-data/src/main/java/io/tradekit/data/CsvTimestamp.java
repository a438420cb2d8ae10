package io.tradekit.data;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The timestamps a bar CSV may use. A whole number is epoch seconds when it has at most 11 digits
 * (dates up to the year 5138), otherwise epoch milliseconds; text is ISO-8601 with a zone or offset,
 * e.g. {@code 2024-01-02T03:04:05Z} or {@code 2024-01-02T04:04:05+01:00}. A date-time without a zone is
 * refused rather than guessed.
 */
final class CsvTimestamp {

    private static final int MAX_SECONDS_DIGITS = 11;

    private CsvTimestamp() {
    }

    /** The instant, or throws {@link IllegalArgumentException} saying what the cell should look like. */
    static Instant parse(String cell) {
        String text = cell.trim();
        if (text.isEmpty()) throw new IllegalArgumentException("timestamp is empty");
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 18) throw new IllegalArgumentException("timestamp '" + text + "' is too large for epoch milliseconds");
            long value = Long.parseLong(text);
            return text.length() <= MAX_SECONDS_DIGITS ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + text + "' is neither epoch seconds, epoch milliseconds nor an"
                    + " ISO-8601 date-time with a zone (e.g. 2024-01-02T03:04:05Z)");
        }
    }
}
