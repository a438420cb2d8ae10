package io.tradekit.api;

/** What the engine does about a failure. */
public enum RecoveryAction {
    /** Try the same call again (an idempotent call only). */
    RETRY,
    /** Wait (the venue's retry-after or a capped, jittered backoff), then try again. */
    BACK_OFF,
    /** Measure the offset to the venue's clock again, then try again. */
    RESYNC_CLOCK,
    /** Open the connection again and resubscribe. */
    RECONNECT,
    /** Look the order or account up at the venue to learn what happened. */
    RESYNC_STATE,
    /** Give up on this one request and go on. */
    SKIP,
    /** Pause the bot until an operator looks. */
    PAUSE,
    /** Stop using the venue (bad credentials, bad configuration). */
    HALT
}
