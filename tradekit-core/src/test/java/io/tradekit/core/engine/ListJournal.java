package io.tradekit.core.engine;

import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store as a host would write one against the contract alone, knowing nothing of tradekit's own stores: plain
 * lists and maps. Its records live in a {@link Records} the test keeps, so a second bot opened on the same records
 * reads what the first wrote, as a restarted process reads a database; it says it is durable only when asked to.
 */
final class ListJournal implements StateStore {

    /** What the journal holds; outlives every {@link ListJournal} opened on it. */
    static final class Records {
        final Map<String, Order> orders = new LinkedHashMap<>();
        final List<Fill> fills = new ArrayList<>();
        final List<FundingPayment> funding = new ArrayList<>();
        final List<AuditEvent> events = new ArrayList<>();
        final List<BotSnapshot> snapshots = new ArrayList<>();
        final Map<String, String> config = new LinkedHashMap<>();
    }

    private final String name;
    private final boolean durable;
    private final Records records;

    ListJournal(String name, boolean durable, Records records) {
        this.name = name;
        this.durable = durable;
        this.records = records;
    }

    @Override
    public boolean durable() {
        return durable;
    }

    @Override
    public synchronized void writeAhead(Order order) {
        if (records.orders.putIfAbsent(order.clientOrderId(), order) != null) {
            throw new IllegalStateException("order " + order.clientOrderId() + " written ahead twice");
        }
    }

    @Override
    public synchronized void updateOrder(Order order) {
        records.orders.put(order.clientOrderId(), order);
    }

    @Override
    public synchronized boolean recordFill(Fill fill) {
        boolean seen = records.fills.stream().anyMatch(f -> f.symbol().equals(fill.symbol())
                && f.clientOrderId().equals(fill.clientOrderId()) && f.fillId().equals(fill.fillId()));
        if (!seen) records.fills.add(fill);
        return !seen;
    }

    @Override
    public synchronized boolean recordFunding(FundingPayment payment) {
        boolean seen = records.funding.stream().anyMatch(p -> p.symbol().equals(payment.symbol()) && p.time().equals(payment.time()));
        if (!seen) records.funding.add(payment);
        return !seen;
    }

    @Override
    public synchronized List<FundingPayment> fundingPayments() {
        return List.copyOf(records.funding);
    }

    @Override
    public synchronized void recordEvent(AuditEvent event) {
        records.events.add(event);
    }

    @Override
    public void recordEquity(EquitySnapshot snapshot) {
        // This host charts equity elsewhere: recovery does not read it.
    }

    @Override
    public synchronized void saveSnapshot(BotSnapshot snapshot) {
        records.snapshots.add(snapshot);
    }

    @Override
    public synchronized Optional<BotSnapshot> latestSnapshot() {
        return records.snapshots.isEmpty() ? Optional.empty() : Optional.of(records.snapshots.getLast());
    }

    @Override
    public synchronized List<Order> orders() {
        return List.copyOf(records.orders.values());
    }

    @Override
    public synchronized Optional<Order> order(String clientOrderId) {
        return Optional.ofNullable(records.orders.get(clientOrderId));
    }

    @Override
    public synchronized List<Fill> fills() {
        return List.copyOf(records.fills);
    }

    @Override
    public synchronized List<AuditEvent> events(int limit) {
        return List.copyOf(records.events.subList(Math.max(0, records.events.size() - limit), records.events.size()));
    }

    @Override
    public synchronized void putConfig(String key, String value) {
        records.config.put(key, value);
    }

    @Override
    public synchronized Optional<String> config(String key) {
        return Optional.ofNullable(records.config.get(key));
    }

    @Override
    public synchronized Map<String, String> configEntries() {
        return Map.copyOf(records.config);
    }

    @Override
    public void flush() {
        // Every write above is in the records when it returns.
    }

    @Override
    public void close() {
        // The records are the test's; a restart opens another ListJournal on them.
    }

    @Override
    public String toString() {
        return "list journal '" + name + "'";
    }
}
