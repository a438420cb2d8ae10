package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

import java.util.Objects;

/**
 * When and how a grid follows the price out of its range: once the price is {@code afterLevels} levels
 * past the lowest or highest level, apply {@code mode}; {@code cooldownBars} is the least number of bars
 * between two placements of the whole grid, so that a choppy breakout cannot rebuild it on every bar.
 *
 * @param mode         what to do once out of range
 * @param afterLevels  how many levels past the range the price must be, at least 1
 * @param cooldownBars the least number of bars between two placements of the whole grid, 0 or more
 */
public record Rebalancing(RebalanceMode mode, int afterLevels, int cooldownBars) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if {@code mode} is null
     * @throws io.tradekit.api.InvalidInputException if {@code afterLevels} is below 1 or {@code cooldownBars} below 0,
     *         naming the setting ({@code rebalance-after}, {@code cooldown})
     */
    public Rebalancing {
        Objects.requireNonNull(mode, "mode");
        if (afterLevels < 1) throw new InvalidInputException("grid: 'rebalance-after' is " + afterLevels + ", expected 1 or more levels");
        if (cooldownBars < 0) throw new InvalidInputException("grid: 'cooldown' is " + cooldownBars + ", expected 0 or more bars");
    }

    /**
     * Recenter two levels past the range, at most once every 10 bars.
     *
     * @return {@code new Rebalancing(RECENTER, 2, 10)}
     */
    public static Rebalancing standard() {
        return new Rebalancing(RebalanceMode.RECENTER, 2, 10);
    }
}
