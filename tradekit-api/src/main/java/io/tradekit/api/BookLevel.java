package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of an L2 order book: the price and the total quantity resting there.
 *
 * @param price    the level's price, positive
 * @param quantity the base quantity resting at that price, positive (a level with nothing left is removed)
 */
public record BookLevel(BigDecimal price, BigDecimal quantity) {
    /**
     * Checks that price and quantity are given and positive.
     *
     * @throws NullPointerException  when price or quantity is null
     * @throws InvalidInputException when price or quantity is not positive
     */
    public BookLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        if (price.signum() <= 0) {
            throw new InvalidInputException("book level: price must be positive, got " + price);
        }
        if (quantity.signum() <= 0) {
            throw new InvalidInputException("book level " + price + ": quantity must be positive, got " + quantity);
        }
    }

    /**
     * The level's value in the quote asset.
     *
     * @return price times quantity
     */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
