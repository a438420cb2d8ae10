package io.tradekit.api;

/** How long an order stays working. */
public enum TimeInForce {
    GTC, IOC, FOK
}
