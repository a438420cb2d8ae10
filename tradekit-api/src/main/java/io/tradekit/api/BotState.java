package io.tradekit.api;

/** Where a bot is in its life. Orders go out only while {@link #RUNNING} (or reducing, in REDUCE_ONLY). */
public enum BotState {
    /** Built, not started. */
    CREATED,
    /** Starting: loading its journal, reconciling with the venue, warming up. */
    STARTING,
    /** Trading. */
    RUNNING,
    /** Paused by an operator or a safety rule: no new orders until resumed. */
    PAUSED,
    /** Only orders that reduce the position go out. */
    REDUCE_ONLY,
    /** Stopped by a safety rule or an operator after flattening; stays so, across restarts, until an operator resumes. */
    EMERGENCY_STOP,
    /** Stopped for good. */
    STOPPED;

    /**
     * Whether an order that opens or grows a position may go out.
     *
     * @return true only while RUNNING
     */
    public boolean acceptsNewExposure() {
        return this == RUNNING;
    }

    /**
     * Whether an order that only reduces the position may go out.
     *
     * @return true while RUNNING or REDUCE_ONLY
     */
    public boolean acceptsReducingOrders() {
        return this == RUNNING || this == REDUCE_ONLY;
    }
}
