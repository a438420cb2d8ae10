package io.tradekit.core.errors;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a bot's {@link HealthMonitor} asks for a pause: a venue stream down longer than
 * {@code maxDisconnected}; {@code maxErrors} or more errors within {@code errorWindow} (orders the venue
 * refused for funds or filters, and cancels of orders already gone, do not count); an error whose
 * recovery is PAUSE, for {@code pauseAfterError}; market data older than {@code maxDataAge} (by default
 * the bot's stale-data age). An error whose recovery is HALT (bad credentials) pauses until an
 * operator resumes.
 *
 * <pre>{@code HealthSettings.defaults().withMaxDisconnected(Duration.ofSeconds(10)).withMaxErrors(5, Duration.ofMinutes(1))}</pre>
 *
 * @param maxDisconnected how long a venue stream may stay down before a pause; positive
 * @param maxErrors how many errors within {@code errorWindow} cause a pause; 1 or more
 * @param errorWindow the sliding window (bot's clock) that errors are counted in; positive
 * @param maxDataAge the age at which market data counts as stale; empty to use the bot's stale-data age
 * @param pauseAfterError how long an error whose recovery is PAUSE keeps the bot paused; positive
 */
public record HealthSettings(Duration maxDisconnected, int maxErrors, Duration errorWindow, Optional<Duration> maxDataAge,
                             Duration pauseAfterError) {

    /**
     * Checks the settings.
     *
     * @throws InvalidInputException if a duration is null, zero or negative, or {@code maxErrors} is below 1
     * @throws NullPointerException if {@code maxDataAge} is null (use {@link Optional#empty()})
     */
    public HealthSettings {
        requirePositive(maxDisconnected, "max-disconnected");
        requirePositive(errorWindow, "error window");
        requirePositive(pauseAfterError, "pause after error");
        Objects.requireNonNull(maxDataAge, "maxDataAge");
        maxDataAge.ifPresent(age -> requirePositive(age, "max-data-age"));
        if (maxErrors < 1) throw new InvalidInputException("health max-errors must be 1 or more, got " + maxErrors);
    }

    /**
     * 30 s disconnected, 20 errors a minute, a minute's pause after an error that asks for one, the bot's stale-data age.
     *
     * @return the defaults described above
     */
    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofSeconds(30), 20, Duration.ofMinutes(1), Optional.empty(), Duration.ofMinutes(1));
    }

    /**
     * A copy with another limit on a stream being down.
     *
     * @param age how long a stream may stay down; positive
     * @return the new settings
     */
    public HealthSettings withMaxDisconnected(Duration age) {
        return new HealthSettings(age, maxErrors, errorWindow, maxDataAge, pauseAfterError);
    }

    /**
     * A copy with another error rate limit.
     *
     * @param count how many errors within {@code window} cause a pause; 1 or more
     * @param window the sliding window they are counted in; positive
     * @return the new settings
     */
    public HealthSettings withMaxErrors(int count, Duration window) {
        return new HealthSettings(maxDisconnected, count, window, maxDataAge, pauseAfterError);
    }

    /**
     * A copy with its own stale-data age instead of the bot's.
     *
     * @param age the age at which market data counts as stale; positive
     * @return the new settings
     */
    public HealthSettings withMaxDataAge(Duration age) {
        return new HealthSettings(maxDisconnected, maxErrors, errorWindow, Optional.of(age), pauseAfterError);
    }

    /**
     * A copy with another pause after an error that asks for one.
     *
     * @param pause how long the pause lasts; positive
     * @return the new settings
     */
    public HealthSettings withPauseAfterError(Duration pause) {
        return new HealthSettings(maxDisconnected, maxErrors, errorWindow, maxDataAge, pause);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new InvalidInputException("health " + what + " must be a positive duration, got " + d);
    }
}
