package io.tradekit.api.event;

/** The state of one venue stream. */
public enum ConnectionState {
    CONNECTED, DISCONNECTED, RECONNECTING
}
