package io.tradekit.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The period of a bar, written the way venues write it: {@code 1s, 1m, 5m, 15m, 1h, 4h, 1d, 1w}.
 *
 * <pre>{@code Timeframe tf = Timeframe.parse("5m"); // tf.duration() == PT5M}</pre>
 */
public record Timeframe(Duration duration) implements Comparable<Timeframe> {

    public static final Timeframe M1 = new Timeframe(Duration.ofMinutes(1));
    public static final Timeframe M5 = new Timeframe(Duration.ofMinutes(5));
    public static final Timeframe H1 = new Timeframe(Duration.ofHours(1));
    public static final Timeframe D1 = new Timeframe(Duration.ofDays(1));

    public Timeframe {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero() || duration.toMillis() % 1000 != 0) {
            throw new InvalidInputException("a timeframe must be a positive whole number of seconds, got " + duration);
        }
    }

    /** Parses {@code <n><unit>} with unit s, m, h, d or w. */
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
