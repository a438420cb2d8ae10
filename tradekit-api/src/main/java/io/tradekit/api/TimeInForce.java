package io.tradekit.api;

/** How long an order stays working. */
public enum TimeInForce {
    /** Good till cancelled: rests until filled or cancelled. */
    GTC,
    /** Immediate or cancel: fills what it can at once, the rest is cancelled. */
    IOC,
    /** Fill or kill: fills entirely at once or not at all. */
    FOK
}
