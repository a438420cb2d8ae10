package io.tradekit.grid;

import java.math.BigDecimal;
import java.util.Objects;

/** One price of a grid: {@code index} counts from the lowest level (0) upwards; the price sits on the tick. */
public record GridLevel(int index, BigDecimal price) {
    public GridLevel {
        Objects.requireNonNull(price, "price");
    }
}
