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
 */
public record OrderIntent(String symbol, Side side, OrderType type, BigDecimal quantity,
                          Optional<BigDecimal> limitPrice, TimeInForce timeInForce, boolean reduceOnly, String tag) {

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

    public static OrderIntent market(String symbol, Side side, BigDecimal quantity) {
        return new OrderIntent(symbol, side, OrderType.MARKET, quantity, Optional.empty(), TimeInForce.GTC, false, "");
    }

    public static OrderIntent limit(String symbol, Side side, BigDecimal quantity, BigDecimal price) {
        return new OrderIntent(symbol, side, OrderType.LIMIT, quantity, Optional.of(price), TimeInForce.GTC, false, "");
    }

    public OrderIntent withQuantity(BigDecimal newQuantity) {
        return new OrderIntent(symbol, side, type, newQuantity, limitPrice, timeInForce, reduceOnly, tag);
    }

    public OrderIntent withLimitPrice(BigDecimal price) {
        return new OrderIntent(symbol, side, type, quantity, Optional.of(price), timeInForce, reduceOnly, tag);
    }

    public OrderIntent withTag(String newTag) {
        return new OrderIntent(symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly, newTag);
    }

    public OrderIntent asReduceOnly() {
        return new OrderIntent(symbol, side, type, quantity, limitPrice, timeInForce, true, tag);
    }

    public OrderIntent withType(OrderType newType, TimeInForce tif) {
        return new OrderIntent(symbol, side, newType, quantity, newType.hasLimitPrice() ? limitPrice : Optional.empty(), tif, reduceOnly, tag);
    }
}
