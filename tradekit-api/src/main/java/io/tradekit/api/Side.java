package io.tradekit.api;

/** The side of an order or fill. */
public enum Side {
    /** Buys the base asset (or goes long). */
    BUY,
    /** Sells the base asset (or goes short). */
    SELL;

    /**
     * The other side.
     *
     * @return SELL for BUY, BUY for SELL
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * The sign a fill of this side gives to a position.
     *
     * @return +1 for a buy, -1 for a sell
     */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
