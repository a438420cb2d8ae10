package io.tradekit.conformance.broken;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.EventSink;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A venue in memory, just enough for the broken adapter to be judged by the kit: a book of orders by
 * client order id, bars closed one at a time, and counters. Thread-safe.
 */
final class InMemoryVenue {

    static final String SYMBOL = "TESTUSD";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    final Map<String, Order> orders = new LinkedHashMap<>();
    final List<Bar> closed = new ArrayList<>();
    final List<EventSink> subscribers = new CopyOnWriteArrayList<>();
    int newOrderRequests;
    int requests;
    boolean failNextAfterAccepting;

    InMemoryVenue(int initialBars) {
        for (int i = 0; i < initialBars; i++) closed.add(bar(i));
    }

    static Bar bar(int i) {
        BigDecimal p = BigDecimal.valueOf(100 + i % 5);
        return new Bar(SYMBOL, Timeframe.M1, START.plusSeconds(60L * i), p, p.add(BigDecimal.ONE), p.subtract(BigDecimal.ONE), p, BigDecimal.ONE);
    }

    synchronized Bar closeNext() {
        Bar next = bar(closed.size());
        closed.add(next);
        return next;
    }

    synchronized Order accept(OrderRequest r) {
        Instant now = Instant.now();
        Order o = Order.pendingNew(r, "", now).withVenueOrderId("v" + (orders.size() + 1)).withStatus(OrderStatus.NEW, now, Optional.empty());
        orders.put(r.clientOrderId(), o);
        return o;
    }
}
