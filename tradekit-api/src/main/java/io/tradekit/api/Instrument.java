package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable symbol and the venue's filters on its orders. A zero {@code minNotional} or
 * {@code minQuantity} disables that rule; tick and step sizes must be positive.
 *
 * <pre>{@code new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
 *         new BigDecimal("0.00001"), new BigDecimal("5"))}</pre>
 */
public record Instrument(String symbol, String baseAsset, String quoteAsset,
                         BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional) {

    public Instrument {
        requireText(symbol, "symbol");
        requireText(baseAsset, "baseAsset");
        requireText(quoteAsset, "quoteAsset");
        requirePositive(symbol, tickSize, "tickSize");
        requirePositive(symbol, stepSize, "stepSize");
        requireNonNegative(symbol, minQuantity, "minQuantity");
        requireNonNegative(symbol, minNotional, "minNotional");
    }

    public boolean isOnTick(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    public boolean isOnStep(BigDecimal quantity) {
        return quantity.remainder(stepSize).signum() == 0;
    }

    /**
     * Checks an order's price and quantity against every filter.
     *
     * @param price the limit price, or for a market order the reference price used for the notional
     * @param limitPriceOnTick whether the price is a limit price that must sit on the tick
     * @throws OrderRejectedException naming the filter that was broken
     */
    public void check(BigDecimal quantity, BigDecimal price, boolean limitPriceOnTick) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new OrderRejectedException("QUANTITY", symbol + ": quantity must be positive, got " + quantity);
        }
        if (price == null || price.signum() <= 0) {
            throw new OrderRejectedException("PRICE", symbol + ": price must be positive, got " + price);
        }
        if (limitPriceOnTick && !isOnTick(price)) {
            throw new OrderRejectedException("PRICE_FILTER", symbol + ": price " + price.toPlainString()
                    + " is not a multiple of the tick size " + tickSize.toPlainString());
        }
        if (!isOnStep(quantity)) {
            throw new OrderRejectedException("LOT_SIZE", symbol + ": quantity " + quantity.toPlainString()
                    + " is not a multiple of the step size " + stepSize.toPlainString());
        }
        if (quantity.compareTo(minQuantity) < 0) {
            throw new OrderRejectedException("LOT_SIZE", symbol + ": quantity " + quantity.toPlainString()
                    + " is below the minimum quantity " + minQuantity.toPlainString());
        }
        BigDecimal notional = quantity.multiply(price);
        if (notional.compareTo(minNotional) < 0) {
            throw new OrderRejectedException("MIN_NOTIONAL", symbol + ": notional " + notional.stripTrailingZeros().toPlainString()
                    + " is below the minimum notional " + minNotional.toPlainString());
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("instrument " + name + " must not be blank");
        }
    }

    private static void requirePositive(String symbol, BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new InvalidInputException("instrument " + symbol + ": " + name + " must be positive, got " + value);
        }
    }

    private static void requireNonNegative(String symbol, BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new InvalidInputException("instrument " + symbol + ": " + name + " must not be negative, got " + value);
        }
    }
}
