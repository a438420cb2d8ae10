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
 */
public record HealthReport(Instant time, SafetyVerdict verdict, List<String> streamsDown, Optional<Instant> downSince,
                           Map<ErrorCategory, Integer> errorsInWindow, Optional<Duration> dataAge) {
    public HealthReport {
        streamsDown = List.copyOf(streamsDown);
        errorsInWindow = Map.copyOf(errorsInWindow);
    }

    public boolean healthy() {
        return verdict.action() == io.tradekit.api.SafetyAction.CONTINUE;
    }
}
