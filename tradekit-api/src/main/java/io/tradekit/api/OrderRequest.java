package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as it leaves the engine for a venue: an intent that passed sizing, rounding, risk and state
 * checks, with the client order id under which it was written ahead to the store.
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, OrderType type, BigDecimal quantity,
                           Optional<BigDecimal> limitPrice, TimeInForce timeInForce, boolean reduceOnly) {

    /** The characters and length every supported venue accepts for a client order id. */
    public static final String CLIENT_ORDER_ID_PATTERN = "[A-Za-z0-9_-]{1,36}";
    private static final java.util.regex.Pattern CLIENT_ORDER_ID = java.util.regex.Pattern.compile(CLIENT_ORDER_ID_PATTERN);

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (!CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw new InvalidInputException("client order id '" + clientOrderId + "' does not match " + CLIENT_ORDER_ID_PATTERN);
        }
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    public static OrderRequest of(String clientOrderId, OrderIntent intent) {
        return new OrderRequest(clientOrderId, intent.symbol(), intent.side(), intent.type(), intent.quantity(),
                intent.limitPrice(), intent.timeInForce(), intent.reduceOnly());
    }
}
