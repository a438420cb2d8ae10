package io.tradekit.strategies;

import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;

import java.util.Set;

/** Makes {@link SmaCross} under the name {@code sma-cross}; parameters {@code fast} (default 10) and {@code slow} (default 30). */
public final class SmaCrossProvider implements StrategyProvider {

    public static final String NAME = "sma-cross";
    public static final int DEFAULT_FAST = 10;
    public static final int DEFAULT_SLOW = 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameters() {
        return Set.of("fast", "slow");
    }

    @Override
    public Strategy create(Params params) {
        params.requireOnly(parameters());
        return new SmaCross(params.integer("fast", DEFAULT_FAST), params.integer("slow", DEFAULT_SLOW));
    }
}
