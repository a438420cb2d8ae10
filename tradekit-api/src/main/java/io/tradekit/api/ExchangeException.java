package io.tradekit.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure reported by, or on the way to, a venue. Carries the venue's own code (e.g. Binance
 * {@code -2010}, Bybit {@code 110007}, Kraken {@code EOrder:Insufficient funds}) and, when the venue
 * said so, how long to wait before trying again.
 */
public class ExchangeException extends TradeKitException {
    /** The venue's name. */
    private final String venue;
    /** The venue's own code, or empty. */
    private final String venueCode;
    /** The recovery the failure calls for. */
    private final RecoveryAction action;
    /** How long the venue asked to wait, or null. */
    private final Duration retryAfter;

    /**
     * A venue failure with everything known about it.
     *
     * @param venue      the venue's name, e.g. {@code binance}
     * @param category   what kind of failure it is
     * @param action     the recovery the venue's error calls for; null for the category's default
     * @param venueCode  the venue's own code; null or empty when the failure never reached the venue
     * @param message    what happened, naming the call (never a secret)
     * @param retryAfter how long the venue asked to wait; null when it did not say
     * @param cause      the underlying failure, or null
     */
    public ExchangeException(String venue, ErrorCategory category, RecoveryAction action, String venueCode,
                             String message, Duration retryAfter, Throwable cause) {
        super(category, message, cause);
        this.venue = venue;
        this.venueCode = venueCode == null ? "" : venueCode;
        this.action = action == null ? category.defaultAction() : action;
        this.retryAfter = retryAfter;
    }

    /**
     * A venue failure with the category's default recovery and no wait.
     *
     * @param venue     the venue's name
     * @param category  what kind of failure it is
     * @param venueCode the venue's own code, or empty
     * @param message   what happened, naming the call
     */
    public ExchangeException(String venue, ErrorCategory category, String venueCode, String message) {
        this(venue, category, null, venueCode, message, null, null);
    }

    /**
     * The venue's name.
     *
     * @return e.g. {@code binance}
     */
    public String venue() {
        return venue;
    }

    /**
     * The venue's own code for the failure.
     *
     * @return the code, or an empty string when the failure never reached the venue
     */
    public String venueCode() {
        return venueCode;
    }

    @Override
    public RecoveryAction recoveryAction() {
        return action;
    }

    /**
     * How long the venue asked to wait before trying again.
     *
     * @return the wait, empty when the venue did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
