package io.tradekit.grid;

/** What a spacing number means. */
public enum SpacingUnit {
    /** A price distance in the quote asset (1 = one dollar on BTCUSDT). */
    ABSOLUTE,
    /** Percent of the price (0.5 = 0.5 %). */
    PERCENT
}
