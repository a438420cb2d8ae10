package io.tradekit.api;

/** What kind of failure happened, and the recovery it calls for unless a venue says otherwise. */
public enum ErrorCategory {
    NETWORK(RecoveryAction.RECONNECT),
    TIMEOUT(RecoveryAction.RETRY),
    RATE_LIMIT(RecoveryAction.BACK_OFF),
    AUTH(RecoveryAction.HALT),
    CLOCK_SKEW(RecoveryAction.RESYNC_CLOCK),
    INSUFFICIENT_FUNDS(RecoveryAction.SKIP),
    INVALID_ORDER(RecoveryAction.SKIP),
    ORDER_NOT_FOUND(RecoveryAction.RESYNC_STATE),
    VENUE_UNAVAILABLE(RecoveryAction.BACK_OFF),
    /** The request may or may not have taken effect (timeout, 5xx): resolve by lookup, never count as failed. */
    UNKNOWN_OUTCOME(RecoveryAction.RESYNC_STATE),
    /** Bad configuration, parameters or data given by a user or host: refused before trading. */
    INVALID_INPUT(RecoveryAction.HALT),
    /** A malformed message from a venue or a data feed. */
    MALFORMED_DATA(RecoveryAction.SKIP),
    INTERNAL(RecoveryAction.PAUSE);

    private final RecoveryAction defaultAction;

    ErrorCategory(RecoveryAction defaultAction) {
        this.defaultAction = defaultAction;
    }

    public RecoveryAction defaultAction() {
        return defaultAction;
    }
}
