package io.tradekit.kraken.internal;

import io.tradekit.api.OrderStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the adapter has seen of orders: Kraken's txid for each client order id and back
 * ({@code TradesHistory} names orders only by txid), which orders may still be open (looked up after a
 * reconnect), and which symbols the account trades. Thread-safe.
 */
public final class KnownOrders {

    private record Tracked(String symbol, OrderStatus status) {
    }

    private final Map<String, Tracked> byClientId = new ConcurrentHashMap<>();
    private final Map<String, String> clientIdByTxid = new ConcurrentHashMap<>();
    private final Map<String, String> txidByClientId = new ConcurrentHashMap<>();
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();

    public void symbol(String symbol) {
        symbols.add(symbol);
    }

    /** An order is on its way: it may be open from now on. */
    public void sending(String clientOrderId, String symbol) {
        symbols.add(symbol);
        byClientId.putIfAbsent(clientOrderId, new Tracked(symbol, OrderStatus.PENDING_NEW));
    }

    /** The venue said something about the order. */
    public void seen(String clientOrderId, String txid, String symbol, OrderStatus status) {
        symbols.add(symbol);
        if (txid != null) {
            clientIdByTxid.put(txid, clientOrderId);
            txidByClientId.put(clientOrderId, txid);
        }
        byClientId.compute(clientOrderId, (id, old) -> {
            if (old != null && old.status().isTerminal() && !status.isTerminal()) return old; // a late report never reopens
            return new Tracked(symbol, status);
        });
    }

    public Optional<String> clientOrderId(String txid) {
        return Optional.ofNullable(clientIdByTxid.get(txid));
    }

    public Optional<String> txid(String clientOrderId) {
        return Optional.ofNullable(txidByClientId.get(clientOrderId));
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
