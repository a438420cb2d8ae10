package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;

/** What an account holds of one asset: free to use, and locked in open orders. */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {
    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    public BigDecimal total() {
        return free.add(locked);
    }
}
