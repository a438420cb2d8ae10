package io.tradekit.api;

/** How an order is priced. */
public enum OrderType {
    /** Fills at whatever the book offers. */
    MARKET,
    /** Rests at its limit price or better. */
    LIMIT,
    /** A post-only limit order: rejected instead of taking liquidity. */
    LIMIT_MAKER;

    /**
     * Whether an order of this type carries a limit price.
     *
     * @return true for LIMIT and LIMIT_MAKER
     */
    public boolean hasLimitPrice() {
        return this != MARKET;
    }
}
