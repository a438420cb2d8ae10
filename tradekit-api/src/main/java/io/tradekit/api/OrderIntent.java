package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order a strategy wants. It is not yet an order: the engine rounds it to the instrument's filters,
 * passes it through every risk policy and the bot's state, gives it a client order id, and only then
 * sends it. {@code tag} is free text the strategy can use to recognise its orders (e.g. a grid level).
 *
 * <pre>{@code OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("60000"))}</pre>
 *
 * @param symbol      the venue's symbol
 * @param side        buy or sell
 * @param type        market, limit or post-only limit
 * @param quantity    the base quantity (contracts on a derivative) before rounding
 * @param limitPrice  the limit price of a limit order; empty for a market order
 * @param timeInForce how long it works
 * @param reduceOnly  whether it may only reduce the position
 * @param tag         the strategy's own label for it (null is empty)
 */
public record OrderIntent(String symbol, Side side, OrderType type, BigDecimal quantity,
                          Optional<BigDecimal> limitPrice, TimeInForce timeInForce, boolean reduceOnly, String tag) {

    /** Checks that every field is given and that a limit order, and only a limit order, has a limit price. */
    public OrderIntent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        tag = tag == null ? "" : tag;
        if (type.hasLimitPrice() && limitPrice.isEmpty()) {
            throw new InvalidInputException(type + " order on " + symbol + " needs a limit price");
        }
        if (!type.hasLimitPrice() && limitPrice.isPresent()) {
            throw new InvalidInputException("MARKET order on " + symbol + " must not carry a limit price");
        }
    }

    /**
     * A market order, good till cancelled.
     *
     * @param symbol   the venue's symbol
     * @param side     buy or sell
     * @param quantity the base quantity
     * @return the intent
     */
    public static OrderIntent market(String symbol, Side side, BigDecimal quantity) {
        return new OrderIntent(symbol, side, OrderType.MARKET, quantity, Optional.empty(), TimeInForce.GTC, false, "");
    }

    /**
     * A limit order, good till cancelled.
     *
     * @param symbol   the venue's symbol
     * @param side     buy or sell
     * @param quantity the base quantity
     * @param price    the limit price
     * @return the intent
     */
    public static OrderIntent limit(String symbol, Side side, BigDecimal quantity, BigDecimal price) {
        return new OrderIntent(symbol, side, OrderType.LIMIT, quantity, Optional.of(price), TimeInForce.GTC, false, "");
    }

    /**
     * The same intent with another quantity.
     *
     * @param newQuantity the quantity
     * @return a copy
     */
    public OrderIntent withQuantity(BigDecimal newQuantity) {
        return new OrderIntent(symbol, side, type, newQuantity, limitPrice, timeInForce, reduceOnly, tag);
    }

    /**
     * The same intent with another limit price.
     *
     * @param price the limit price
     * @return a copy
     */
    public OrderIntent withLimitPrice(BigDecimal price) {
        return new OrderIntent(symbol, side, type, quantity, Optional.of(price), timeInForce, reduceOnly, tag);
    }

    /**
     * The same intent with another tag.
     *
     * @param newTag the tag
     * @return a copy
     */
    public OrderIntent withTag(String newTag) {
        return new OrderIntent(symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly, newTag);
    }

    /**
     * The same intent, reduce-only.
     *
     * @return a copy that may only reduce the position
     */
    public OrderIntent asReduceOnly() {
        return new OrderIntent(symbol, side, type, quantity, limitPrice, timeInForce, true, tag);
    }

    /**
     * The same intent with another type and time in force; a market order drops the limit price.
     *
     * @param newType the type
     * @param tif     the time in force
     * @return a copy
     */
    public OrderIntent withType(OrderType newType, TimeInForce tif) {
        return new OrderIntent(symbol, side, newType, quantity, newType.hasLimitPrice() ? limitPrice : Optional.empty(), tif, reduceOnly, tag);
    }
}
