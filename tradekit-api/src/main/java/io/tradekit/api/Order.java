package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's view of one order: what was asked, what the venue said, and how much filled.
 * Immutable; every change is a new value through the {@code with*} methods.
 *
 * @param clientOrderId    the bot's id of the order, unique per bot; the key the store and the venue know it by
 * @param venueOrderId     the venue's id, empty until the venue has acknowledged the order
 * @param symbol           the venue's symbol
 * @param side             buy or sell
 * @param type             the order type
 * @param quantity         the ordered base quantity (after any amend)
 * @param limitPrice       the limit price; empty for a market order
 * @param timeInForce      how long the order may rest
 * @param reduceOnly       whether the order may only reduce a position
 * @param status           where the order is in its life cycle
 * @param filledQuantity   the base quantity filled so far, zero before the first fill
 * @param averageFillPrice the quantity-weighted average price of the fills so far, zero before the first fill
 * @param createdAt        when the order was written ahead (the bot's clock)
 * @param updatedAt        when this value last changed (the bot's clock)
 * @param tag              the strategy's label for the order; {@code null} is stored as the empty string
 * @param reason           why the order reached its status (a rejection or cancel reason), when known
 */
public record Order(String clientOrderId, Optional<String> venueOrderId, String symbol, Side side, OrderType type,
                    BigDecimal quantity, Optional<BigDecimal> limitPrice, TimeInForce timeInForce, boolean reduceOnly,
                    OrderStatus status, BigDecimal filledQuantity, BigDecimal averageFillPrice,
                    Instant createdAt, Instant updatedAt, String tag, Optional<String> reason) {

    /**
     * Checks that every field except {@code tag} is given.
     *
     * @throws NullPointerException when a field other than {@code tag} is null
     */
    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averageFillPrice, "averageFillPrice");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tag = tag == null ? "" : tag;
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A new order written ahead, not yet acknowledged by the venue: status {@link OrderStatus#PENDING_NEW},
     * nothing filled, no venue id.
     *
     * @param request what is to be sent
     * @param tag     the strategy's label for the order, may be null (stored as the empty string)
     * @param now     the bot's clock, used as both creation and update time
     * @return the pending order
     */
    public static Order pendingNew(OrderRequest request, String tag, Instant now) {
        return new Order(request.clientOrderId(), Optional.empty(), request.symbol(), request.side(), request.type(),
                request.quantity(), request.limitPrice(), request.timeInForce(), request.reduceOnly(),
                OrderStatus.PENDING_NEW, BigDecimal.ZERO, BigDecimal.ZERO, now, now, tag, Optional.empty());
    }

    /**
     * The request this order was (or will be) sent as, rebuilt from its fields; after an amend it
     * carries the amended quantity.
     *
     * @return the order's request
     */
    public OrderRequest request() {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly);
    }

    /**
     * The base quantity still open: ordered minus filled. Not clamped, so it is negative if the venue
     * reported more filled than ordered.
     *
     * @return {@code quantity - filledQuantity}
     */
    public BigDecimal remainingQuantity() {
        // Nothing filled at a scale the quantity already has: the difference is the quantity itself, digits and scale.
        if (filledQuantity.signum() == 0 && filledQuantity.scale() <= quantity.scale()) return quantity;
        return quantity.subtract(filledQuantity);
    }

    /**
     * The order in a new status.
     *
     * @param newStatus the new status
     * @param now       the bot's clock, the new update time
     * @param why       the reason for the change; when empty, the previous reason is kept
     * @return the updated order
     */
    public Order withStatus(OrderStatus newStatus, Instant now, Optional<String> why) {
        return new Order(clientOrderId, venueOrderId, symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly,
                newStatus, filledQuantity, averageFillPrice, createdAt, now, tag, why.or(() -> reason));
    }

    /**
     * The order with the venue's id, as the acknowledgement reports it. The update time is not changed.
     *
     * @param id the venue's order id; {@code null} keeps the id already known
     * @return the updated order
     */
    public Order withVenueOrderId(String id) {
        return new Order(clientOrderId, Optional.ofNullable(id).or(() -> venueOrderId), symbol, side, type, quantity, limitPrice,
                timeInForce, reduceOnly, status, filledQuantity, averageFillPrice, createdAt, updatedAt, tag, reason);
    }

    /**
     * The order after fills: the cumulative filled quantity and average price replace the previous ones.
     *
     * @param filled       the cumulative base quantity filled
     * @param averagePrice the quantity-weighted average fill price over all fills so far
     * @param newStatus    the status after these fills (e.g. PARTIALLY_FILLED or FILLED)
     * @param now          the bot's clock, the new update time
     * @return the updated order
     */
    public Order withFilled(BigDecimal filled, BigDecimal averagePrice, OrderStatus newStatus, Instant now) {
        return new Order(clientOrderId, venueOrderId, symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly,
                newStatus, filled, averagePrice, createdAt, now, tag, reason);
    }

    /**
     * The order after its quantity was amended to {@code newQuantity} (an amend keeps the client order id,
     * the venue's id and the queue place); an order whose fills reach the new quantity is FILLED.
     *
     * @param newQuantity the amended base quantity
     * @param now         the bot's clock, the new update time
     * @return the amended order
     */
    public Order withQuantity(BigDecimal newQuantity, Instant now) {
        OrderStatus newStatus = filledQuantity.compareTo(newQuantity) >= 0 ? OrderStatus.FILLED : status;
        return new Order(clientOrderId, venueOrderId, symbol, side, type, newQuantity, limitPrice, timeInForce, reduceOnly,
                newStatus, filledQuantity, averageFillPrice, createdAt, now, tag, reason);
    }
}
