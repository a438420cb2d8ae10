package io.tradekit.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure reported by, or on the way to, a venue. Carries the venue's own code (e.g. Binance
 * {@code -2010}, Bybit {@code 110007}, Kraken {@code EOrder:Insufficient funds}) and, when the venue
 * said so, how long to wait before trying again.
 */
public class ExchangeException extends TradeKitException {
    private final String venue;
    private final String venueCode;
    private final RecoveryAction action;
    private final Duration retryAfter;

    public ExchangeException(String venue, ErrorCategory category, RecoveryAction action, String venueCode,
                             String message, Duration retryAfter, Throwable cause) {
        super(category, message, cause);
        this.venue = venue;
        this.venueCode = venueCode == null ? "" : venueCode;
        this.action = action == null ? category.defaultAction() : action;
        this.retryAfter = retryAfter;
    }

    public ExchangeException(String venue, ErrorCategory category, String venueCode, String message) {
        this(venue, category, null, venueCode, message, null, null);
    }

    public String venue() {
        return venue;
    }

    /** The venue's code, or an empty string when the failure never reached the venue. */
    public String venueCode() {
        return venueCode;
    }

    @Override
    public RecoveryAction recoveryAction() {
        return action;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
