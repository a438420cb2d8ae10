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
 */
public record HealthSettings(Duration maxDisconnected, int maxErrors, Duration errorWindow, Optional<Duration> maxDataAge,
                             Duration pauseAfterError) {

    public HealthSettings {
        requirePositive(maxDisconnected, "max-disconnected");
        requirePositive(errorWindow, "error window");
        requirePositive(pauseAfterError, "pause after error");
        Objects.requireNonNull(maxDataAge, "maxDataAge");
        maxDataAge.ifPresent(age -> requirePositive(age, "max-data-age"));
        if (maxErrors < 1) throw new InvalidInputException("health max-errors must be 1 or more, got " + maxErrors);
    }

    /** 30 s disconnected, 20 errors a minute, a minute's pause after an error that asks for one, the bot's stale-data age. */
    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofSeconds(30), 20, Duration.ofMinutes(1), Optional.empty(), Duration.ofMinutes(1));
    }

    public HealthSettings withMaxDisconnected(Duration age) {
        return new HealthSettings(age, maxErrors, errorWindow, maxDataAge, pauseAfterError);
    }

    public HealthSettings withMaxErrors(int count, Duration window) {
        return new HealthSettings(maxDisconnected, count, window, maxDataAge, pauseAfterError);
    }

    public HealthSettings withMaxDataAge(Duration age) {
        return new HealthSettings(maxDisconnected, maxErrors, errorWindow, Optional.of(age), pauseAfterError);
    }

    public HealthSettings withPauseAfterError(Duration pause) {
        return new HealthSettings(maxDisconnected, maxErrors, errorWindow, maxDataAge, pause);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new InvalidInputException("health " + what + " must be a positive duration, got " + d);
    }
}
