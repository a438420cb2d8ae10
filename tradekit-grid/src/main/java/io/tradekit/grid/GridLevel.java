package io.tradekit.grid;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price of a grid.
 *
 * @param index counts from the lowest level (0) upwards
 * @param price the level's price, in the quote asset, on the instrument's tick
 */
public record GridLevel(int index, BigDecimal price) {
    /**
     * Checks the price.
     *
     * @throws NullPointerException if {@code price} is null
     */
    public GridLevel {
        Objects.requireNonNull(price, "price");
    }
}
