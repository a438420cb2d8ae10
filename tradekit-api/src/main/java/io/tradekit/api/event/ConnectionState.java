package io.tradekit.api.event;

/** The state of one venue stream. */
public enum ConnectionState {
    /** Connected and subscribed. */
    CONNECTED,
    /** Down, and not retrying (closed, or given up and reported). */
    DISCONNECTED,
    /** Down, retrying with backoff. */
    RECONNECTING
}
