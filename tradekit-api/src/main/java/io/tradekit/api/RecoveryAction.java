package io.tradekit.api;

/** What the engine does about a failure. */
public enum RecoveryAction {
    RETRY, BACK_OFF, RESYNC_CLOCK, RECONNECT, RESYNC_STATE, SKIP, PAUSE, HALT
}
