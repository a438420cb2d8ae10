package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.spi.SafetyVerdict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bot's health at one moment: the monitor's verdict, the venue streams that are down and since when,
 * the errors in the window by category, and how old the market data is.
 *
 * @param time when the report was made (bot's clock)
 * @param verdict the monitor's verdict at that time
 * @param streamsDown the venue streams not CONNECTED, as "venue stream"; empty when all are up
 * @param downSince when the earliest of those streams went down; empty when none is down
 * @param errorsInWindow errors per category within the error window; categories without errors are left out
 * @param dataAge how old the newest market data was; empty before any arrived
 */
public record HealthReport(Instant time, SafetyVerdict verdict, List<String> streamsDown, Optional<Instant> downSince,
                           Map<ErrorCategory, Integer> errorsInWindow, Optional<Duration> dataAge) {
    /**
     * Copies the list and map.
     *
     * @throws NullPointerException if {@code streamsDown} or {@code errorsInWindow} is null or holds a null
     */
    public HealthReport {
        streamsDown = List.copyOf(streamsDown);
        errorsInWindow = Map.copyOf(errorsInWindow);
    }

    /**
     * Whether the monitor's verdict was CONTINUE.
     *
     * @return true when nothing asked for a pause
     */
    public boolean healthy() {
        return verdict.action() == io.tradekit.api.SafetyAction.CONTINUE;
    }
}
