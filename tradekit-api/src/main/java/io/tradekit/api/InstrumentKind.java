package io.tradekit.api;

/**
 * What trading an instrument means. A spot trade exchanges the base asset for the quote asset; a linear
 * perpetual is a margined contract settled in the quote asset (USDT on Bybit's {@code linear} category,
 * Binance USDⓈ-M): no base asset changes hands, a position may be short, and funding is exchanged between
 * longs and shorts at the venue's interval.
 */
public enum InstrumentKind {
    /** Spot: a trade exchanges the base asset for the quote asset. */
    SPOT,
    /** A linear (quote-settled) perpetual swap on margin. */
    LINEAR_PERPETUAL;

    /**
     * Whether positions in this kind are margined contracts rather than holdings of the base asset.
     *
     * @return true for every kind but {@link #SPOT}
     */
    public boolean isDerivative() {
        return this != SPOT;
    }
}
