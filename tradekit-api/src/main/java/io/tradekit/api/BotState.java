package io.tradekit.api;

/** Where a bot is in its life. Orders go out only while {@link #RUNNING} (or reducing, in REDUCE_ONLY). */
public enum BotState {
    CREATED, STARTING, RUNNING, PAUSED, REDUCE_ONLY, EMERGENCY_STOP, STOPPED;

    public boolean acceptsNewExposure() {
        return this == RUNNING;
    }

    public boolean acceptsReducingOrders() {
        return this == RUNNING || this == REDUCE_ONLY;
    }
}
