package io.tradekit.risk;

/** The state a market is in, as {@link RegimeDetector} reads it from recent bars. */
public enum MarketRegime {
    /** A directional rise: ADX over the trend threshold and +DI above -DI. */
    TRENDING_UP,
    /** A directional fall: ADX over the trend threshold and -DI above +DI. */
    TRENDING_DOWN,
    /** No trend strong enough to name. */
    RANGING,
    /** Volatility high against its own recent history; this wins over any trend. */
    HIGH_VOLATILITY
}
