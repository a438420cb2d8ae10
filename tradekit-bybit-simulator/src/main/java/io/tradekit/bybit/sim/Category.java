package io.tradekit.bybit.sim;

import java.util.Locale;

/** The Bybit product line a simulator serves: spot, or USDT-margined linear perpetuals (one-way mode). */
public enum Category {
    SPOT,
    LINEAR;

    /** The name on the wire, e.g. {@code linear}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
