package io.tradekit.core.store;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.store.internal.FillEntry;
import io.tradekit.core.store.internal.IdLedger;
import io.tradekit.core.store.internal.JournalQueries;
import io.tradekit.core.store.internal.SnapshotVerifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bot's state in memory, for backtests and tests: the same rules as {@link SqliteStateStore} (orders
 * upserted by client order id and written ahead once, fills applied once per symbol, order and fill id, the last N
 * snapshots kept and checked against the journal) with nothing on disk, so nothing survives the JVM.
 * Every write is "durable" when it returns; {@link #flush()} has nothing to wait for.
 */
public final class MemoryStateStore implements BotStore {

    private final int snapshotRetention;
    /** Every order by client order id, with the fills recorded against it, in the order the orders were first written. */
    private final IdLedger<Journaled> orders = new IdLedger<>(Journaled::id);
    private final List<Fill> fills = new ArrayList<>();
    private final Map<String, BigDecimal> positions = new TreeMap<>();
    private final Map<String, FundingPayment> funding = new LinkedHashMap<>();
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<EquitySnapshot> equity = new ArrayList<>();
    private final List<MetricsSnapshot> metrics = new ArrayList<>();
    private final LinkedList<StoredSnapshot> snapshots = new LinkedList<>();
    private final Map<String, String> config = new TreeMap<>();
    private final Map<String, NavigableMap<Instant, Bar>> candles = new LinkedHashMap<>();
    private long lastSnapshotId;
    private boolean closed;

    /**
     * An empty store in memory.
     *
     * @param snapshotRetention how many snapshots are kept, newest first (at least 1)
     */
    public MemoryStateStore(int snapshotRetention) {
        if (snapshotRetention < 1) {
            throw new InvalidInputException("memory state store: snapshotRetention must be at least 1, got " + snapshotRetention);
        }
        this.snapshotRetention = snapshotRetention;
    }

    @Override
    public synchronized void writeAhead(Order order) {
        ensureOpen();
        // One lookup: a refused order leaves the one written first in place.
        if (!orders.addIfAbsent(new Journaled(order))) {
            throw StoreRefusals.orderWrittenTwice(order, toString());
        }
    }

    @Override
    public synchronized void updateOrder(Order order) {
        ensureOpen();
        Journaled known = orders.get(order.clientOrderId());
        if (known == null) orders.addIfAbsent(new Journaled(order));
        else known.order = order;
    }

    @Override
    public synchronized boolean recordFill(Fill fill) {
        ensureOpen();
        // Orders are never taken out and a fill is only recorded against a known order, so no fill of an unknown order was recorded.
        Journaled known = orders.get(fill.clientOrderId());
        if (known == null) throw StoreRefusals.fillOfUnknownOrder(fill, toString());
        if (!known.addFill(fill)) return false;
        fills.add(fill);
        positions.merge(fill.symbol(), fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate(), BigDecimal::add);
        return true;
    }

    @Override
    public synchronized boolean recordFunding(FundingPayment payment) {
        ensureOpen();
        return funding.putIfAbsent(JournalQueries.fundingKey(payment.symbol(), payment.time()), payment) == null;
    }

    @Override
    public synchronized List<FundingPayment> fundingPayments() {
        ensureOpen();
        return List.copyOf(funding.values());
    }

    @Override
    public synchronized void recordEvent(AuditEvent event) {
        ensureOpen();
        events.add(event);
    }

    @Override
    public synchronized void recordEquity(EquitySnapshot snapshot) {
        ensureOpen();
        // One point per instant, as in the SQLite store: the first mark of an instant stands.
        if (!equity.isEmpty() && !snapshot.time().isAfter(equity.getLast().time())
                && equity.stream().anyMatch(e -> e.time().equals(snapshot.time()))) return;
        equity.add(snapshot);
    }

    @Override
    public synchronized void saveSnapshot(BotSnapshot snapshot) {
        ensureOpen();
        snapshots.addFirst(new StoredSnapshot.Intact(++lastSnapshotId, snapshot));
        while (snapshots.size() > snapshotRetention) {
            snapshots.removeLast();
        }
    }

    /**
     * The newest snapshot that agrees with the journal; empty if none was saved.
     *
     * @throws UnrecoverableStateException if snapshots were saved but none agrees with the journal
     */
    @Override
    public synchronized Optional<BotSnapshot> latestSnapshot() {
        ensureOpen();
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        SnapshotVerifier.Selection selection = SnapshotVerifier.select(snapshots, fills.stream().map(FillEntry::of).toList());
        return Optional.of(selection.chosen().orElseThrow(() -> new UnrecoverableStateException(this
                + " holds no snapshot that can be trusted: " + String.join("; ", selection.rejections()))).snapshot());
    }

    @Override
    public synchronized List<StoredSnapshot> snapshotHistory() {
        ensureOpen();
        return List.copyOf(snapshots);
    }

    @Override
    public synchronized List<Order> orders() {
        ensureOpen();
        return orders.values().stream().map(Journaled::order).toList();
    }

    @Override
    public synchronized List<Order> openOrders() {
        ensureOpen();
        return orders.values().stream().map(Journaled::order).filter(o -> o.status().isOpen()).toList();
    }

    @Override
    public synchronized Optional<Order> order(String clientOrderId) {
        ensureOpen();
        Journaled known = orders.get(clientOrderId);
        return known == null ? Optional.empty() : Optional.of(known.order);
    }

    @Override
    public synchronized List<Fill> fills() {
        ensureOpen();
        return List.copyOf(fills);
    }

    @Override
    public synchronized List<Fill> fillsOf(String clientOrderId) {
        ensureOpen();
        Journaled known = orders.get(clientOrderId);
        return known == null ? List.of() : known.fills();
    }

    @Override
    public synchronized Map<String, BigDecimal> journalPositions() {
        ensureOpen();
        return new LinkedHashMap<>(positions);
    }

    @Override
    public synchronized List<AuditEvent> events(int limit) {
        ensureOpen();
        return List.copyOf(events.subList(Math.max(0, events.size() - Math.max(0, limit)), events.size()));
    }

    @Override
    public synchronized List<AuditEvent> events(String type, int limit) {
        ensureOpen();
        java.util.ArrayDeque<AuditEvent> newest = new java.util.ArrayDeque<>();
        for (int i = events.size() - 1; i >= 0 && newest.size() < limit; i--) {
            if (events.get(i).type().equals(type)) newest.addFirst(events.get(i));
        }
        return List.copyOf(newest);
    }

    @Override
    public synchronized List<AuditEvent> eventsSince(Instant from) {
        ensureOpen();
        return events.stream().filter(e -> !e.time().isBefore(from))
                .sorted(Comparator.comparing(AuditEvent::time)).toList();
    }

    @Override
    public synchronized List<EquitySnapshot> equitySince(Instant from) {
        ensureOpen();
        return equity.stream().filter(e -> !e.time().isBefore(from))
                .sorted(Comparator.comparing(EquitySnapshot::time)).toList();
    }

    @Override
    public synchronized void recordMetrics(MetricsSnapshot snapshot) {
        ensureOpen();
        metrics.add(snapshot);
    }

    @Override
    public synchronized List<MetricsSnapshot> metricsSince(Instant from) {
        ensureOpen();
        return metrics.stream().filter(m -> !m.time().isBefore(from))
                .sorted(Comparator.comparing(MetricsSnapshot::time)).toList();
    }

    @Override
    public synchronized void putConfig(String key, String value) {
        ensureOpen();
        if (key == null || key.isBlank() || value == null) {
            throw new InvalidInputException("config entry of " + this + ": key must not be blank and value not null, got "
                    + key + "=" + value);
        }
        config.put(key, value);
    }

    @Override
    public synchronized Optional<String> config(String key) {
        ensureOpen();
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public synchronized Map<String, String> configEntries() {
        ensureOpen();
        return new LinkedHashMap<>(config);
    }

    @Override
    public synchronized void cacheCandles(List<Bar> bars) {
        ensureOpen();
        for (Bar bar : bars) {
            candles.computeIfAbsent(series(bar.symbol(), bar.timeframe()), k -> new TreeMap<>()).put(bar.openTime(), bar);
        }
    }

    @Override
    public synchronized List<Bar> cachedCandles(String symbol, Timeframe timeframe, Instant from, Instant to) {
        ensureOpen();
        NavigableMap<Instant, Bar> bars = candles.get(series(symbol, timeframe));
        if (bars == null || !from.isBefore(to)) {
            return List.of();
        }
        return List.copyOf(bars.subMap(from, true, to, false).values());
    }

    /** Not durable: everything it holds is gone when the process ends. */
    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void flush() {
        synchronized (this) {
            ensureOpen();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "in-memory state store";
    }

    /**
     * An order as the journal holds it, and the fills recorded against it. A fill is the same fill as one of these when
     * its symbol and fill id match: with the client order id that is the SQLite journal's key, kept here per order instead
     * of in a set that grows by a key object with every fill of a run.
     */
    private static final class Journaled {
        private Order order;
        /** The order's first fill, or null; most orders have one. */
        private Fill first;
        /** Its fills after the first, in the order they were recorded, or null. */
        private List<Fill> more;

        Journaled(Order order) {
            this.order = order;
        }

        Order order() {
            return order;
        }

        /** The order's client order id, which no update changes. */
        String id() {
            return order.clientOrderId();
        }

        /** Records {@code fill} against the order unless a fill with its symbol and fill id is there already. */
        boolean addFill(Fill fill) {
            if (first == null) {
                first = fill;
                return true;
            }
            if (same(first, fill)) return false;
            if (more == null) more = new ArrayList<>(2);
            for (Fill f : more) if (same(f, fill)) return false;
            more.add(fill);
            return true;
        }

        List<Fill> fills() {
            if (first == null) return List.of();
            if (more == null) return List.of(first);
            List<Fill> all = new ArrayList<>(1 + more.size());
            all.add(first);
            all.addAll(more);
            return java.util.Collections.unmodifiableList(all);
        }

        private static boolean same(Fill a, Fill b) {
            return a.fillId().equals(b.fillId()) && a.symbol().equals(b.symbol());
        }
    }

    private static String series(String symbol, Timeframe timeframe) {
        return symbol + '\u0000' + timeframe;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }
}
