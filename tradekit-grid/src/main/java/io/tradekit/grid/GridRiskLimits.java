package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The grid's own limits. Each one, when hit, ends the grid in core's flatten
 * ({@code StrategyContext.flatten}): the grid's orders are cancelled, the position is sold with
 * reduce-only orders retried until flat, and the grid places nothing more.
 *
 * @param maxInventory    flatten when the grid holds more than this base quantity
 * @param stopPrice       flatten when the price falls to or below this (it must lie below the grid)
 * @param takeProfitPrice flatten when the price rises to or above this (it must lie above the grid)
 */
public record GridRiskLimits(Optional<BigDecimal> maxInventory, Optional<BigDecimal> stopPrice, Optional<BigDecimal> takeProfitPrice) {

    /**
     * Checks the limits.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidInputException if a limit is not positive, or the stop price is not below the take-profit price
     */
    public GridRiskLimits {
        Objects.requireNonNull(maxInventory, "maxInventory");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(takeProfitPrice, "takeProfitPrice");
        maxInventory.ifPresent(v -> requirePositive(v, "max-inventory"));
        stopPrice.ifPresent(v -> requirePositive(v, "stop-price"));
        takeProfitPrice.ifPresent(v -> requirePositive(v, "take-profit-price"));
        if (stopPrice.isPresent() && takeProfitPrice.isPresent() && stopPrice.get().compareTo(takeProfitPrice.get()) >= 0) {
            throw new InvalidInputException("grid: 'stop-price' " + stopPrice.get().toPlainString() + " must be below 'take-profit-price' "
                    + takeProfitPrice.get().toPlainString());
        }
    }

    /**
     * No grid limits: nothing flattens the grid for its inventory or the price.
     *
     * @return limits with every component empty
     */
    public static GridRiskLimits none() {
        return new GridRiskLimits(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy with a maximum inventory.
     *
     * @param quantity the most base quantity the grid may hold, positive
     * @return the new limits
     * @throws InvalidInputException if {@code quantity} is not positive
     */
    public GridRiskLimits withMaxInventory(BigDecimal quantity) {
        return new GridRiskLimits(Optional.of(quantity), stopPrice, takeProfitPrice);
    }

    /**
     * A copy with a stop price.
     *
     * @param price the price at or below which the grid flattens, in the quote asset, positive
     * @return the new limits
     * @throws InvalidInputException if {@code price} is not positive or not below the take-profit price
     */
    public GridRiskLimits withStopPrice(BigDecimal price) {
        return new GridRiskLimits(maxInventory, Optional.of(price), takeProfitPrice);
    }

    /**
     * A copy with a take-profit price.
     *
     * @param price the price at or above which the grid flattens, in the quote asset, positive
     * @return the new limits
     * @throws InvalidInputException if {@code price} is not positive or not above the stop price
     */
    public GridRiskLimits withTakeProfitPrice(BigDecimal price) {
        return new GridRiskLimits(maxInventory, stopPrice, Optional.of(price));
    }

    /**
     * Refuses a stop at or above the grid's lowest level or a take-profit at or below its highest.
     *
     * @param ladder the grid's levels
     * @throws InvalidInputException naming the setting when a limit lies inside the grid
     */
    public void requireOutside(GridLadder ladder) {
        stopPrice.ifPresent(stop -> {
            if (stop.compareTo(ladder.lowest()) >= 0) {
                throw new InvalidInputException("grid: 'stop-price' " + stop.toPlainString() + " must be below the grid's lowest level "
                        + ladder.lowest().toPlainString());
            }
        });
        takeProfitPrice.ifPresent(tp -> {
            if (tp.compareTo(ladder.highest()) <= 0) {
                throw new InvalidInputException("grid: 'take-profit-price' " + tp.toPlainString() + " must be above the grid's highest level "
                        + ladder.highest().toPlainString());
            }
        });
    }

    private static void requirePositive(BigDecimal v, String field) {
        if (v.signum() <= 0) throw new InvalidInputException("grid: '" + field + "' must be positive, got " + v.toPlainString());
    }
}
