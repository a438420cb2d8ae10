package io.tradekit.grid;

/** What the grid does when the price leaves its range by the configured number of levels. */
public enum RebalanceMode {
    /** Cancel the grid and build it again around the current price (after the cooldown). */
    RECENTER,
    /** Cancel the grid's orders and place no more; inventory is kept. */
    STOP,
    /** Keep every order where it is and wait for the price to come back. */
    HOLD
}
