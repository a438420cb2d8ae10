package io.tradekit.grid;

import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.util.Objects;

/** An order the grid has working on one of its levels. */
public record GridOrder(String clientOrderId, int level, Side side, BigDecimal price, BigDecimal quantity) {
    public GridOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
