package io.tradekit.core.store.internal;

import io.tradekit.api.InvalidInputException;

import java.time.Instant;

/**
 * Instants as the store keeps them: whole nanoseconds since 1970-01-01T00:00Z in a signed 64-bit integer.
 * Exact for every {@link Instant} a clock or a venue produces (1677-09-21 to 2262-04-11), and it sorts
 * and compares as a plain number in SQL.
 */
public final class EpochNanos {

    private EpochNanos() {
    }

    /** The instant in nanoseconds; {@code what} names the value in the error if it is out of range. */
    public static long of(Instant instant, String what) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new InvalidInputException(what + " " + instant + " is outside the range a state store keeps "
                    + "(1677-09-21T00:12:43Z to 2262-04-11T23:47:16Z)");
        }
    }

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
