package io.tradekit.core;

/**
 * Why a position (or part of it) was closed: what sent the order whose fill ended the round trip.
 */
public enum ExitReason {
    /** The strategy's own signal or order. */
    SIGNAL,
    /** A stop-loss protection was triggered. */
    STOP_LOSS,
    /** A take-profit protection was triggered. */
    TAKE_PROFIT,
    /** A trailing stop was triggered. */
    TRAILING_STOP,
    /** A flatten: by a risk or safety action, an operator, or the end of a run. */
    FLATTEN
}
