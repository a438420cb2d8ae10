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

    public static final String NAME = "rsi";
    public static final int DEFAULT_PERIOD = 14;
    public static final BigDecimal DEFAULT_OVERSOLD = BigDecimal.valueOf(30);
    public static final BigDecimal DEFAULT_OVERBOUGHT = BigDecimal.valueOf(70);

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
