package io.tradekit.grid;

import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order the grid has working on one of its levels.
 *
 * @param clientOrderId the order's client order id, as sent to the venue
 * @param level         the index of the level the order rests on (see {@link GridLevel#index()})
 * @param side          buy or sell
 * @param price         the limit price, in the quote asset
 * @param quantity      the order's quantity, in the base asset
 */
public record GridOrder(String clientOrderId, int level, Side side, BigDecimal price, BigDecimal quantity) {
    /**
     * Checks that no reference component is null.
     *
     * @throws NullPointerException if {@code clientOrderId}, {@code side}, {@code price} or {@code quantity} is null
     */
    public GridOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
