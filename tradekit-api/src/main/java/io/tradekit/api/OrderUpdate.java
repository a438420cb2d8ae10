package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A venue's report that an order changed: acknowledged, (partially) filled, cancelled, rejected,
 * expired. Fills themselves arrive as {@link Fill}s; this carries the order's cumulative state.
 */
public record OrderUpdate(String clientOrderId, Optional<String> venueOrderId, String symbol, OrderStatus status,
                          BigDecimal filledQuantity, BigDecimal averagePrice, Instant time, Optional<String> reason) {
    public OrderUpdate {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reason, "reason");
    }

    public static OrderUpdate of(Order order, Instant time) {
        return new OrderUpdate(order.clientOrderId(), order.venueOrderId(), order.symbol(), order.status(),
                order.filledQuantity(), order.averageFillPrice(), time, order.reason());
    }
}
