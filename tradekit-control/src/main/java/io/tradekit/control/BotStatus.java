package io.tradekit.control;

/**
 * Where a bot is in the supervisor's hands; while it is {@code RUNNING} its own {@link io.tradekit.api.BotState}
 * says whether it trades.
 */
public enum BotStatus {
    /** Registered, not started. */
    IDLE,
    /** Its launcher or start is running. */
    STARTING,
    RUNNING,
    /** Its launcher or start failed; the error says why. The rest of the fleet is not affected. */
    FAILED,
    STOPPING,
    STOPPED
}
