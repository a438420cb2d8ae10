package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A venue's answer to a new order: its id, its status, and any fills it reported with the answer
 * (e.g. Binance's FULL response). Fills are also delivered through the event stream; the engine applies
 * each fill id once, whichever way it arrives first.
 *
 * @param clientOrderId  the bot's id of the order
 * @param venueOrderId   the id the venue gave it
 * @param status         its status when the venue answered
 * @param filledQuantity the base quantity filled by then
 * @param time           the venue's time of the answer
 * @param fills          the executions reported with the answer, possibly none
 */
public record OrderAck(String clientOrderId, String venueOrderId, OrderStatus status,
                       BigDecimal filledQuantity, Instant time, List<Fill> fills) {
    /** Checks that every field is given and copies the fills. */
    public OrderAck {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(time, "time");
        fills = List.copyOf(fills);
    }
}
