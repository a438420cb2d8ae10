package io.tradekit.bybit.sim;

import java.util.Locale;

/** The Bybit product line a simulator serves: spot, or USDT-margined linear perpetuals (one-way mode). */
public enum Category {
    /** Spot: buys and sells of the base coin against the quote coin, no positions. */
    SPOT,
    /** USDT-margined linear perpetuals, one-way: positions, leverage, margin, funding and liquidations. */
    LINEAR;

    /**
     * The name on the wire, Bybit's {@code category} parameter and the public stream's path segment.
     *
     * @return the lower-case name, {@code spot} or {@code linear}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
