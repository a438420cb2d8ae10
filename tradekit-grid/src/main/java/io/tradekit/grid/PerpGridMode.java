package io.tradekit.grid;

/**
 * Which way a grid on a perpetual trades. A pair of adjacent levels is either long (it buys at its lower
 * level, then sells what it bought at the upper one) or short (it sells at its upper level, opening a
 * short, then buys it back at the lower one). A perpetual grid opens nothing at market when it is built:
 * every pair waits for its opening order to fill.
 */
public enum PerpGridMode {
    /** Long pairs below the centre, short pairs above it: the grid leans against the move away from the centre. */
    NEUTRAL,
    /** Every pair is long: the grid only ever holds a long position. */
    LONG_ONLY,
    /** Every pair is short: the grid only ever holds a short position. */
    SHORT_ONLY
}
