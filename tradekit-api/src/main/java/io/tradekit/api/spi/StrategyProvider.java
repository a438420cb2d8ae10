package io.tradekit.api.spi;

import io.tradekit.api.Params;

import java.util.Set;

/**
 * Makes a {@link Strategy} by name; found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.tradekit.api.spi.StrategyProvider}).
 */
public interface StrategyProvider {

    /**
     * The name users write.
     *
     * @return e.g. {@code sma-cross}
     */
    String name();

    /**
     * The parameters this strategy understands; any other is refused.
     *
     * @return their names
     */
    default Set<String> parameters() {
        return Set.of();
    }

    /**
     * A new strategy.
     *
     * @param params its parameters
     * @return the strategy
     * @throws io.tradekit.api.InvalidInputException naming a parameter that is wrong
     */
    Strategy create(Params params);
}
