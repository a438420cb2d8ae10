package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an account holds of one asset: free to use, and locked in open orders.
 *
 * @param asset  the asset's code at the venue, e.g. {@code USDT}
 * @param free   the amount free to trade or withdraw
 * @param locked the amount held by open orders
 */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {
    /** Checks that every figure is given. */
    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    /**
     * All of the asset the account holds.
     *
     * @return free plus locked
     */
    public BigDecimal total() {
        return free.add(locked);
    }
}
