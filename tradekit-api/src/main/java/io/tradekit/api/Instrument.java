package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A tradable symbol, its kind and the venue's filters on its orders. A zero {@code minNotional} or
 * {@code minQuantity} disables that rule; tick and step sizes must be positive. Quantities are in
 * contracts of {@code contractSize} base units (1 for spot and for Bybit's and Binance's linear
 * perpetuals, whose quantities are in the base coin); a derivative carries its venue's
 * {@link MarginRules}, a spot instrument none.
 *
 * <pre>{@code Instrument spot = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
 *         new BigDecimal("0.00001"), new BigDecimal("5"));
 * Instrument perp = spot.asLinearPerpetual(MarginRules.flat(new BigDecimal("100"), new BigDecimal("0.005"), new BigDecimal("0.0006")));}</pre>
 *
 * @param symbol       the venue's symbol
 * @param baseAsset    the asset bought and sold (or the contract's underlying)
 * @param quoteAsset   the asset prices, fees and margin are in
 * @param tickSize     prices are multiples of it
 * @param stepSize     quantities are multiples of it
 * @param minQuantity  the smallest order quantity (zero: no minimum)
 * @param minNotional  the smallest order value in the quote asset (zero: no minimum)
 * @param kind         spot or linear perpetual
 * @param contractSize base units per contract
 * @param marginRules  the venue's margin rules for a derivative; empty for spot
 */
public record Instrument(String symbol, String baseAsset, String quoteAsset,
                         BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional,
                         InstrumentKind kind, BigDecimal contractSize, Optional<MarginRules> marginRules) {

    /** Checks the filters and that a derivative, and only a derivative, has margin rules. */
    public Instrument {
        requireText(symbol, "symbol");
        requireText(baseAsset, "baseAsset");
        requireText(quoteAsset, "quoteAsset");
        requirePositive(symbol, tickSize, "tickSize");
        requirePositive(symbol, stepSize, "stepSize");
        requireNonNegative(symbol, minQuantity, "minQuantity");
        requireNonNegative(symbol, minNotional, "minNotional");
        Objects.requireNonNull(kind, "kind");
        requirePositive(symbol, contractSize, "contractSize");
        Objects.requireNonNull(marginRules, "marginRules");
        if (kind.isDerivative() && marginRules.isEmpty()) {
            throw new InvalidInputException("instrument " + symbol + ": a " + kind + " needs the venue's margin rules");
        }
        if (!kind.isDerivative() && marginRules.isPresent()) {
            throw new InvalidInputException("instrument " + symbol + ": a spot instrument has no margin rules");
        }
    }

    /**
     * A spot instrument: contract size 1, no margin.
     *
     * @param symbol      the venue's symbol
     * @param baseAsset   the asset bought and sold
     * @param quoteAsset  the asset prices and fees are in
     * @param tickSize    prices are multiples of it
     * @param stepSize    quantities are multiples of it
     * @param minQuantity the smallest order quantity (zero: no minimum)
     * @param minNotional the smallest order value (zero: no minimum)
     */
    public Instrument(String symbol, String baseAsset, String quoteAsset,
                      BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional) {
        this(symbol, baseAsset, quoteAsset, tickSize, stepSize, minQuantity, minNotional, InstrumentKind.SPOT, BigDecimal.ONE, Optional.empty());
    }

    /**
     * The same symbol and filters as a linear perpetual, with contract size 1.
     *
     * @param rules the venue's margin rules for it
     * @return the perpetual instrument
     */
    public Instrument asLinearPerpetual(MarginRules rules) {
        return new Instrument(symbol, baseAsset, quoteAsset, tickSize, stepSize, minQuantity, minNotional,
                InstrumentKind.LINEAR_PERPETUAL, BigDecimal.ONE, Optional.of(rules));
    }

    /**
     * Whether positions in this instrument are margined contracts.
     *
     * @return {@link InstrumentKind#isDerivative()} of its kind
     */
    public boolean isDerivative() {
        return kind.isDerivative();
    }

    /**
     * The margin rules of a derivative.
     *
     * @return the rules
     * @throws InvalidInputException for a spot instrument, which has none
     */
    public MarginRules margin() {
        return marginRules.orElseThrow(() -> new InvalidInputException("instrument " + symbol + " is spot: it has no margin rules"));
    }

    /**
     * What {@code quantity} contracts are worth at {@code price} in the quote asset.
     *
     * @param quantity contracts (base units on spot)
     * @param price    the price per base unit
     * @return quantity × contract size × price
     */
    public BigDecimal notional(BigDecimal quantity, BigDecimal price) {
        BigDecimal value = quantity.multiply(price);
        return contractSize.compareTo(BigDecimal.ONE) == 0 ? value : value.multiply(contractSize);
    }

    /**
     * Whether a price sits on the tick.
     *
     * @param price the price to check
     * @return true when it is a multiple of the tick size
     */
    public boolean isOnTick(BigDecimal price) {
        return isMultipleOf(price, tickSize);
    }

    /**
     * Whether a quantity sits on the step.
     *
     * @param quantity the quantity to check
     * @return true when it is a multiple of the step size
     */
    public boolean isOnStep(BigDecimal quantity) {
        return isMultipleOf(quantity, stepSize);
    }

    /**
     * Whether {@code value} is a whole multiple of {@code unit}. A unit that is a power of ten (0.01, 1, 0.00001: the
     * usual tick and step) divides every value with no more decimal places than it has, which needs no division: every
     * order is checked here, and the remainder's division was a visible part of an order's cost.
     */
    private static boolean isMultipleOf(BigDecimal value, BigDecimal unit) {
        if (value.scale() <= unit.scale() && unit.unscaledValue().equals(java.math.BigInteger.ONE)) return true;
        return value.remainder(unit).signum() == 0;
    }

    /**
     * Checks an order's price and quantity against every filter.
     *
     * @param quantity the order's quantity
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
        BigDecimal notional = notional(quantity, price);
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
