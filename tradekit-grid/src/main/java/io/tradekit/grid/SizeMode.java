package io.tradekit.grid;

/**
 * The unit of an order size per level, or how a total budget is split: {@link #BASE} gives every level
 * the same quantity of the base asset, {@link #QUOTE} the same value in the quote asset (so lower levels
 * buy more).
 */
public enum SizeMode {
    /** Sizes are base-asset quantities: every level trades the same quantity. */
    BASE,
    /** Sizes are quote-asset values: every level trades the same value, so lower levels buy more. */
    QUOTE
}
