package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as it leaves the engine for a venue: an intent that passed sizing, rounding, risk and state
 * checks, with the client order id under which it was written ahead to the store.
 *
 * @param clientOrderId the id the order was written ahead under, matching {@link #CLIENT_ORDER_ID_PATTERN}
 * @param symbol        the venue's symbol
 * @param side          buy or sell
 * @param type          market, limit or post-only limit
 * @param quantity      the base quantity, already rounded to the instrument's step
 * @param limitPrice    the limit price for a limit order, already on the tick; empty for a market order
 * @param timeInForce   how long it works
 * @param reduceOnly    whether the venue must refuse it if it would open, grow or flip a position
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, OrderType type, BigDecimal quantity,
                           Optional<BigDecimal> limitPrice, TimeInForce timeInForce, boolean reduceOnly) {

    /** The characters and length every supported venue accepts for a client order id. */
    public static final String CLIENT_ORDER_ID_PATTERN = "[A-Za-z0-9_-]{1,36}";

    /** Checks the client order id's form and that every field is given. */
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (!isClientOrderId(clientOrderId)) {
            throw new InvalidInputException("client order id '" + clientOrderId + "' does not match " + CLIENT_ORDER_ID_PATTERN);
        }
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    /**
     * Whether {@code id} matches {@link #CLIENT_ORDER_ID_PATTERN}, checked character by character: every order made
     * passes here, and a regular expression's matcher cost more than the rest of the order's checks together.
     */
    private static boolean isClientOrderId(String id) {
        int length = id.length();
        if (length < 1 || length > 36) return false;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }

    /**
     * The request for an intent that passed the engine's checks.
     *
     * @param clientOrderId the id it was written ahead under
     * @param intent        the checked and rounded intent
     * @return the request with the intent's fields
     */
    public static OrderRequest of(String clientOrderId, OrderIntent intent) {
        return new OrderRequest(clientOrderId, intent.symbol(), intent.side(), intent.type(), intent.quantity(),
                intent.limitPrice(), intent.timeInForce(), intent.reduceOnly());
    }
}
