package io.tradekit.config;

import java.util.Map;
import java.util.Objects;

/** The strategy by its registered name ({@code sma-cross}, {@code grid}) and its parameters as text. */
public record StrategyConfig(String name, Map<String, String> params) {
    public StrategyConfig {
        Objects.requireNonNull(name, "name");
        params = Map.copyOf(params);
    }
}
