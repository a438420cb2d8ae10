package io.tradekit.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The period of a bar, written the way venues write it: {@code 1s, 1m, 5m, 15m, 1h, 4h, 1d, 1w}.
 *
 * <pre>{@code Timeframe tf = Timeframe.parse("5m"); // tf.duration() == PT5M}</pre>
 *
 * @param duration the period, a positive whole number of seconds
 */
public record Timeframe(Duration duration) implements Comparable<Timeframe> {

    /** One minute. */
    public static final Timeframe M1 = new Timeframe(Duration.ofMinutes(1));
    /** Five minutes. */
    public static final Timeframe M5 = new Timeframe(Duration.ofMinutes(5));
    /** One hour. */
    public static final Timeframe H1 = new Timeframe(Duration.ofHours(1));
    /** One day. */
    public static final Timeframe D1 = new Timeframe(Duration.ofDays(1));

    /** Checks that the period is a positive whole number of seconds. */
    public Timeframe {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero() || duration.toMillis() % 1000 != 0) {
            throw new InvalidInputException("a timeframe must be a positive whole number of seconds, got " + duration);
        }
    }

    /**
     * Parses {@code <n><unit>} with unit s, m, h, d or w.
     *
     * @param text e.g. {@code 5m} or {@code 4h}
     * @return the timeframe
     * @throws InvalidInputException naming the text when it is not of that form
     */
    public static Timeframe parse(String text) {
        if (text == null || !text.matches("[1-9][0-9]*[smhdw]")) {
            throw new InvalidInputException("timeframe '" + text + "' is not of the form <n><unit> with unit s, m, h, d or w (e.g. 5m, 1h)");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> new Timeframe(Duration.ofSeconds(n));
            case 'm' -> new Timeframe(Duration.ofMinutes(n));
            case 'h' -> new Timeframe(Duration.ofHours(n));
            case 'd' -> new Timeframe(Duration.ofDays(n));
            default -> new Timeframe(Duration.ofDays(7 * n));
        };
    }

    /**
     * The period in milliseconds.
     *
     * @return the duration's milliseconds
     */
    public long millis() {
        return duration.toMillis();
    }

    @Override
    public int compareTo(Timeframe other) {
        return duration.compareTo(other.duration);
    }

    @Override
    public String toString() {
        long s = duration.getSeconds();
        if (s % 604_800 == 0) return s / 604_800 + "w";
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3_600 == 0) return s / 3_600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
