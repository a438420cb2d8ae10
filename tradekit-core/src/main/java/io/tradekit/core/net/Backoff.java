package io.tradekit.core.net;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: attempt {@code n} (1-based) waits a random time in
 * {@code [(1 - jitter) * d, d]} with {@code d = min(max, initial * multiplier^(n-1))}. The jitter keeps
 * many bots that lost the same venue at the same moment from reconnecting in lock step.
 *
 * <pre>{@code Duration wait = Backoff.standard().delay(3, random); // between 0.5 s and 1 s}</pre>
 *
 * @param initial the delay ceiling of the first attempt; positive
 * @param max the largest ceiling; not below {@code initial}
 * @param multiplier how much the ceiling grows per attempt; at least 1
 * @param jitter the random fraction of each delay, within [0, 1]: 0 waits the ceiling, 0.5 waits between half of it and all of it
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if {@code initial} or {@code max} is null
     * @throws InvalidInputException if a value is out of its range
     */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new InvalidInputException("backoff initial delay must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new InvalidInputException("backoff max delay " + max + " is below the initial delay " + initial);
        }
        if (!(multiplier >= 1.0)) {
            throw new InvalidInputException("backoff multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new InvalidInputException("backoff jitter must be within [0, 1], got " + jitter);
        }
    }

    /**
     * 250 ms doubling up to 30 s, with half of each delay random.
     *
     * @return the standard backoff
     */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), 2.0, 0.5);
    }

    /**
     * The cap before jitter for attempt {@code attempt} (1-based).
     *
     * @param attempt the attempt, 1 for the first
     * @return {@code min(max, initial * multiplier^(attempt-1))}, in whole milliseconds
     * @throws InvalidInputException if {@code attempt} is below 1
     */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new InvalidInputException("backoff attempt must be 1 or more, got " + attempt);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /**
     * The delay before attempt {@code attempt} (1-based).
     *
     * @param attempt the attempt, 1 for the first
     * @param random the source of the jitter
     * @return a random delay in {@code [(1 - jitter) * ceiling, ceiling]}, in whole milliseconds
     * @throws InvalidInputException if {@code attempt} is below 1
     */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceiling(attempt).toMillis();
        long floor = (long) (ceiling * (1.0 - jitter));
        return Duration.ofMillis(floor + (long) (random.nextDouble() * (ceiling - floor)));
    }
}
