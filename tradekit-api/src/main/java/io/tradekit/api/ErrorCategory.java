package io.tradekit.api;

/** What kind of failure happened, and the recovery it calls for unless a venue says otherwise. */
public enum ErrorCategory {
    /** The connection failed or dropped. */
    NETWORK(RecoveryAction.RECONNECT),
    /** A read-only call took too long (a call that may have changed something is {@link #UNKNOWN_OUTCOME}). */
    TIMEOUT(RecoveryAction.RETRY),
    /** The venue asked the client to slow down. */
    RATE_LIMIT(RecoveryAction.BACK_OFF),
    /** The credentials were refused or lack a permission. */
    AUTH(RecoveryAction.HALT),
    /** The request's timestamp was outside the venue's window. */
    CLOCK_SKEW(RecoveryAction.RESYNC_CLOCK),
    /** The account cannot pay for the order. */
    INSUFFICIENT_FUNDS(RecoveryAction.SKIP),
    /** The venue refused the order's fields (filters, price, quantity, type). */
    INVALID_ORDER(RecoveryAction.SKIP),
    /** The venue does not know the order. */
    ORDER_NOT_FOUND(RecoveryAction.RESYNC_STATE),
    /** The venue is down, in maintenance or overloaded. */
    VENUE_UNAVAILABLE(RecoveryAction.BACK_OFF),
    /** The request may or may not have taken effect (timeout, 5xx): resolve by lookup, never count as failed. */
    UNKNOWN_OUTCOME(RecoveryAction.RESYNC_STATE),
    /** Bad configuration, parameters or data given by a user or host: refused before trading. */
    INVALID_INPUT(RecoveryAction.HALT),
    /** A malformed message from a venue or a data feed. */
    MALFORMED_DATA(RecoveryAction.SKIP),
    /** A fault in tradekit or a plugin. */
    INTERNAL(RecoveryAction.PAUSE);

    private final RecoveryAction defaultAction;

    ErrorCategory(RecoveryAction defaultAction) {
        this.defaultAction = defaultAction;
    }

    /**
     * What the engine does about this kind of failure unless the venue's error says otherwise.
     *
     * @return the recovery action
     */
    public RecoveryAction defaultAction() {
        return defaultAction;
    }
}
