package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A venue's report that an order changed: acknowledged, (partially) filled, cancelled, rejected,
 * expired. Fills themselves arrive as {@link Fill}s; this carries the order's cumulative state.
 *
 * @param clientOrderId  the bot's id of the order
 * @param venueOrderId   the venue's id, when it gave one
 * @param symbol         the venue's symbol
 * @param status         the order's status now
 * @param filledQuantity the base quantity filled so far, cumulative
 * @param averagePrice   the average price of what filled so far (zero when nothing did)
 * @param time           the venue's time of the change
 * @param reason         why, for a rejection, cancellation or expiry, when the venue says
 */
public record OrderUpdate(String clientOrderId, Optional<String> venueOrderId, String symbol, OrderStatus status,
                          BigDecimal filledQuantity, BigDecimal averagePrice, Instant time, Optional<String> reason) {
    /** Checks that every field is given. */
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

    /**
     * The update that reports an order's current state.
     *
     * @param order the order as the engine keeps it
     * @param time  the time to report
     * @return an update with the order's id, status and fill figures
     */
    public static OrderUpdate of(Order order, Instant time) {
        return new OrderUpdate(order.clientOrderId(), order.venueOrderId(), order.symbol(), order.status(),
                order.filledQuantity(), order.averageFillPrice(), time, order.reason());
    }
}
