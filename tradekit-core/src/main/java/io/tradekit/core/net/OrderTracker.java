package io.tradekit.core.net;

import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an adapter has seen of its orders: which may still be open (looked up after a private stream
 * reconnects), the client order id behind a venue order id (for venues whose trade lists name orders by
 * their own id only) and the venue order id behind a client order id, and which symbols the account trades. A late report never reopens a finished
 * order. Thread-safe.
 */
public final class OrderTracker {

    /** An empty tracker: no order known yet. */
    public OrderTracker() {
    }

    private record Tracked(String symbol, OrderStatus status) {
    }

    private final Map<String, Tracked> byClientId = new ConcurrentHashMap<>();
    private final Map<String, String> clientIdByVenueId = new ConcurrentHashMap<>();
    private final Map<String, String> venueIdByClientId = new ConcurrentHashMap<>();
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();

    /**
     * Notes a symbol the account trades, before any order of it is seen.
     *
     * @param symbol the symbol
     */
    public void symbol(String symbol) {
        symbols.add(symbol);
    }

    /**
     * An order is on its way: it may be open from now on.
     *
     * @param clientOrderId the order's client order id
     * @param symbol its symbol
     */
    public void sending(String clientOrderId, String symbol) {
        symbols.add(symbol);
        byClientId.putIfAbsent(clientOrderId, new Tracked(symbol, OrderStatus.PENDING_NEW));
    }

    /**
     * The venue said something about the order; {@code venueOrderId} may be null.
     * A finished order stays finished if a later report says it is open.
     *
     * @param clientOrderId the order's client order id
     * @param venueOrderId the venue's id for it, or null when the report has none
     * @param symbol its symbol
     * @param status its status as reported
     */
    public void seen(String clientOrderId, String venueOrderId, String symbol, OrderStatus status) {
        symbols.add(symbol);
        if (venueOrderId != null) {
            clientIdByVenueId.put(symbol + ":" + venueOrderId, clientOrderId);
            venueIdByClientId.put(clientOrderId, venueOrderId);
        }
        byClientId.compute(clientOrderId, (id, old) -> old != null && old.status().isTerminal() && !status.isTerminal()
                ? old : new Tracked(symbol, status));
    }

    /**
     * The venue said something about the order.
     *
     * @param order the order as reported
     */
    public void seen(Order order) {
        seen(order.clientOrderId(), order.venueOrderId().orElse(null), order.symbol(), order.status());
    }

    /**
     * The client order id behind a venue order id, for trade lists that name only the venue's id.
     *
     * @param symbol the symbol
     * @param venueOrderId the venue's order id
     * @return the client order id, or empty if no report linked the two
     */
    public Optional<String> clientOrderId(String symbol, String venueOrderId) {
        return Optional.ofNullable(clientIdByVenueId.get(symbol + ":" + venueOrderId));
    }

    /**
     * The venue's id of an order, for venues that look orders up fastest by their own id.
     *
     * @param clientOrderId the order's client order id
     * @return the venue's id for it, or empty if no report gave one
     */
    public Optional<String> venueOrderId(String clientOrderId) {
        return Optional.ofNullable(venueIdByClientId.get(clientOrderId));
    }

    /**
     * Client order ids of the symbol's orders that may still be open, sorted.
     *
     * @param symbol the symbol
     * @return the ids, sorted; an empty list when none may be open
     */
    public List<String> possiblyOpen(String symbol) {
        return byClientId.entrySet().stream()
                .filter(e -> e.getValue().symbol().equals(symbol) && e.getValue().status().isOpen())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Every symbol seen or noted.
     *
     * @return an unmodifiable copy
     */
    public Set<String> symbols() {
        return Set.copyOf(symbols);
    }
}
