package io.tradekit.config;

import java.util.Map;
import java.util.Objects;

/**
 * The strategy by its registered name ({@code sma-cross}, {@code grid}) and its parameters as text.
 *
 * @param name   the name a {@link io.tradekit.api.spi.StrategyProvider} is registered under
 * @param params the parameters by name, as text; copied, unmodifiable
 */
public record StrategyConfig(String name, Map<String, String> params) {
    /**
     * Copies the parameters and checks that the name is given.
     *
     * @throws NullPointerException when name or params is null, or a parameter's key or value is null
     */
    public StrategyConfig {
        Objects.requireNonNull(name, "name");
        params = Map.copyOf(params);
    }
}
