package io.tradekit.strategies;

import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Makes {@link Rsi} under the name {@code rsi}; parameters {@code period} (default 14), {@code oversold} (default 30),
 * {@code overbought} (default 70) and {@code allowShort} (default false).
 */
public final class RsiProvider implements StrategyProvider {

    /** The name the strategy is registered under. */
    public static final String NAME = "rsi";
    /** The {@code period} when none is given: 14 bars. */
    public static final int DEFAULT_PERIOD = 14;
    /** The {@code oversold} level when none is given: 30. */
    public static final BigDecimal DEFAULT_OVERSOLD = BigDecimal.valueOf(30);
    /** The {@code overbought} level when none is given: 70. */
    public static final BigDecimal DEFAULT_OVERBOUGHT = BigDecimal.valueOf(70);

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public RsiProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameters() {
        return Set.of("period", "oversold", "overbought", "allowShort");
    }

    @Override
    public Strategy create(Params params) {
        params.requireOnly(parameters());
        return new Rsi(params.integer("period", DEFAULT_PERIOD), params.decimal("oversold", DEFAULT_OVERSOLD).doubleValue(),
                params.decimal("overbought", DEFAULT_OVERBOUGHT).doubleValue(), params.bool("allowShort", false));
    }
}
