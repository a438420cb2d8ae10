package io.tradekit.bybit.internal;

import io.tradekit.api.OrderStatus;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the adapter has seen of orders: which may still be open (looked up after the private stream
 * reconnects) and which symbols the account trades. Thread-safe.
 */
public final class KnownOrders {

    private record Tracked(String symbol, OrderStatus status) {
    }

    private final Map<String, Tracked> byClientId = new ConcurrentHashMap<>();
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();

    public void symbol(String symbol) {
        symbols.add(symbol);
    }

    /** An order is on its way: it may be open from now on. */
    public void sending(String clientOrderId, String symbol) {
        symbols.add(symbol);
        byClientId.putIfAbsent(clientOrderId, new Tracked(symbol, OrderStatus.PENDING_NEW));
    }

    /** The venue said something about the order; a late report never reopens a finished one. */
    public void seen(String clientOrderId, String symbol, OrderStatus status) {
        symbols.add(symbol);
        byClientId.compute(clientOrderId, (id, old) -> old != null && old.status().isTerminal() && !status.isTerminal()
                ? old : new Tracked(symbol, status));
    }

    /** Client order ids of the symbol's orders that may still be open. */
    public List<String> possiblyOpen(String symbol) {
        return byClientId.entrySet().stream()
                .filter(e -> e.getValue().symbol().equals(symbol) && e.getValue().status().isOpen())
                .map(Map.Entry::getKey).sorted().toList();
    }

    public Set<String> symbols() {
        return Set.copyOf(symbols);
    }
}
