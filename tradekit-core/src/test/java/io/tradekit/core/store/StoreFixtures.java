package io.tradekit.core.store;

import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.store.BotSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders, fills and snapshots with realistic values, built the way the engine builds them. */
final class StoreFixtures {

    /** A time with nanoseconds, so that a store that rounds to milliseconds is caught. */
    static final Instant T0 = Instant.parse("2024-03-13T10:15:30.123456789Z");

    private StoreFixtures() {
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Order limitOrder(String clientOrderId, String symbol, Side side, String quantity, String price) {
        OrderRequest request = new OrderRequest(clientOrderId, symbol, side, OrderType.LIMIT, new BigDecimal(quantity),
                Optional.of(new BigDecimal(price)), TimeInForce.GTC, false);
        return Order.pendingNew(request, "grid-level-3", T0);
    }

    static Order marketOrder(String clientOrderId, String symbol, Side side, String quantity) {
        OrderRequest request = new OrderRequest(clientOrderId, symbol, side, OrderType.MARKET, new BigDecimal(quantity),
                Optional.empty(), TimeInForce.IOC, true);
        return Order.pendingNew(request, "", T0);
    }

    static Order acknowledged(Order order, String venueOrderId) {
        return order.withVenueOrderId(venueOrderId).withStatus(OrderStatus.NEW, at(1), Optional.empty());
    }

    static Fill fill(String fillId, Order order, String quantity, String price, long second) {
        return new Fill(fillId, order.clientOrderId(), order.venueOrderId().orElse("v-" + order.clientOrderId()), order.symbol(),
                order.side(), new BigDecimal(price), new BigDecimal(quantity), new BigDecimal("0.00075"), "BNB", at(second), true);
    }

    static BotSnapshot snapshot(long second, long fillCount, Position... positions) {
        return new BotSnapshot(at(second), BotState.RUNNING, Map.of("USDT", new BigDecimal("9500.125"), "BTC", new BigDecimal("0.0100")),
                List.of(positions), new BigDecimal("10012.50"), fillCount, Optional.of(at(second - 60)),
                "{\"levels\":[64000.5,64500.5],\"step\":3}");
    }

    static Position position(String symbol, String quantity) {
        return new Position(symbol, new BigDecimal(quantity), new BigDecimal("64000.50"), new BigDecimal("12.75"), new BigDecimal("0.30"));
    }
}
