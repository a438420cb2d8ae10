package io.tradekit.strategies;

import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;

import java.util.Set;

/**
 * Makes {@link SmaCross} under the name {@code sma-cross}; parameters {@code fast} (default 10), {@code slow}
 * (default 30) and {@code allowShort} (default false; when true, on a perpetual, a cross below opens a short when flat).
 */
public final class SmaCrossProvider implements StrategyProvider {

    /** The name the strategy is registered under. */
    public static final String NAME = "sma-cross";
    /** The {@code fast} period when none is given: 10 bars. */
    public static final int DEFAULT_FAST = 10;
    /** The {@code slow} period when none is given: 30 bars. */
    public static final int DEFAULT_SLOW = 30;

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public SmaCrossProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameters() {
        return Set.of("fast", "slow", "allowShort");
    }

    @Override
    public Strategy create(Params params) {
        params.requireOnly(parameters());
        return new SmaCross(params.integer("fast", DEFAULT_FAST), params.integer("slow", DEFAULT_SLOW), params.bool("allowShort", false));
    }
}
