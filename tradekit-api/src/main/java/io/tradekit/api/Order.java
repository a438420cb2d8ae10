package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's view of one order: what was asked, what the venue said, and how much filled.
 * Immutable; every change is a new value through the {@code with*} methods.
 */
public record Order(String clientOrderId, Optional<String> venueOrderId, String symbol, Side side, OrderType type,
                    BigDecimal quantity, Optional<BigDecimal> limitPrice, TimeInForce timeInForce, boolean reduceOnly,
                    OrderStatus status, BigDecimal filledQuantity, BigDecimal averageFillPrice,
                    Instant createdAt, Instant updatedAt, String tag, Optional<String> reason) {

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

    /** A new order written ahead, not yet acknowledged by the venue. */
    public static Order pendingNew(OrderRequest request, String tag, Instant now) {
        return new Order(request.clientOrderId(), Optional.empty(), request.symbol(), request.side(), request.type(),
                request.quantity(), request.limitPrice(), request.timeInForce(), request.reduceOnly(),
                OrderStatus.PENDING_NEW, BigDecimal.ZERO, BigDecimal.ZERO, now, now, tag, Optional.empty());
    }

    public OrderRequest request() {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly);
    }

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }

    public Order withStatus(OrderStatus newStatus, Instant now, Optional<String> why) {
        return new Order(clientOrderId, venueOrderId, symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly,
                newStatus, filledQuantity, averageFillPrice, createdAt, now, tag, why.or(() -> reason));
    }

    public Order withVenueOrderId(String id) {
        return new Order(clientOrderId, Optional.ofNullable(id).or(() -> venueOrderId), symbol, side, type, quantity, limitPrice,
                timeInForce, reduceOnly, status, filledQuantity, averageFillPrice, createdAt, updatedAt, tag, reason);
    }

    public Order withFilled(BigDecimal filled, BigDecimal averagePrice, OrderStatus newStatus, Instant now) {
        return new Order(clientOrderId, venueOrderId, symbol, side, type, quantity, limitPrice, timeInForce, reduceOnly,
                newStatus, filled, averagePrice, createdAt, now, tag, reason);
    }

    /**
     * The order after its quantity was amended to {@code newQuantity} (an amend keeps the client order id,
     * the venue's id and the queue place); an order whose fills reach the new quantity is FILLED.
     */
    public Order withQuantity(BigDecimal newQuantity, Instant now) {
        OrderStatus newStatus = filledQuantity.compareTo(newQuantity) >= 0 ? OrderStatus.FILLED : status;
        return new Order(clientOrderId, venueOrderId, symbol, side, type, newQuantity, limitPrice, timeInForce, reduceOnly,
                newStatus, filledQuantity, averageFillPrice, createdAt, now, tag, reason);
    }
}
