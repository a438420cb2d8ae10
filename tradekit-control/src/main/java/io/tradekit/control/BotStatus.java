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
    /** Launched and started; {@link io.tradekit.control.Fleet#bot} gives its handle. */
    RUNNING,
    /** Its launcher or start failed; the error says why. The rest of the fleet is not affected. */
    FAILED,
    /** Its launcher's {@link BotLauncher#stop} is running. */
    STOPPING,
    /** Stopped by the supervisor; a later start launches it anew. */
    STOPPED
}
