package io.tradekit.core.store;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.spi.StateStore;
import io.tradekit.core.store.internal.FillEntry;
import io.tradekit.core.store.internal.SnapshotVerifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Loads what a bot resumes from, and refuses when the stored state cannot be explained.
 *
 * <p>The fill journal is the record of what the venue did; snapshots are shortcuts over it. The loader
 * takes the newest snapshot that is intact and whose positions equal the sum of the fills it counts, and
 * the fills recorded after it. A damaged or inconsistent newer snapshot is passed over (and the reason
 * kept in {@link RecoveredState#rejectedSnapshots()}). With no snapshot at all, the journal alone is the
 * state. If snapshots exist but none can be trusted, or the journal contradicts itself (a fill of an
 * unknown order, an order filled beyond its quantity), it throws {@link UnrecoverableStateException}
 * saying precisely why the bot will not start.
 *
 * <pre>{@code RecoveredState state = StateLoader.load(StateStores.sqlite(Path.of("bot.db")));}</pre>
 */
public final class StateLoader {

    private StateLoader() {
    }

    /**
     * Loads what the bot stored in {@code store} resumes from, as the class comment describes. Reads the store
     * only; it does not close it.
     *
     * @param store the bot's store (SQLite or in memory)
     * @return the snapshot to restore, the fills after it, the open orders and the journal's net positions
     * @throws UnrecoverableStateException if no consistent state can be rebuilt from the store, or its file is damaged
     */
    public static RecoveredState load(StateStore store) {
        List<Order> orders = store.orders();
        Journal journal = Journal.of(store);
        refuseContradictoryJournal(store, orders, journal.entries());
        List<StoredSnapshot> history = store instanceof BotStore bot ? bot.snapshotHistory()
                : store.latestSnapshot().<List<StoredSnapshot>>map(s -> List.of(new StoredSnapshot.Intact(0, s))).orElse(List.of());
        SnapshotVerifier.Selection selection = SnapshotVerifier.select(history, journal.entries());
        if (!history.isEmpty() && selection.chosen().isEmpty()) {
            throw new UnrecoverableStateException("the bot will not start: " + store + " holds " + history.size()
                    + " snapshot(s) and none can be trusted, and its journal of " + journal.entries().size() + " fills cannot "
                    + "restore the balances and strategy state alone: " + String.join("; ", selection.rejections()));
        }
        long applied = selection.chosen().map(s -> s.snapshot().fillCount()).orElse(0L);
        return new RecoveredState(selection.chosen().map(StoredSnapshot.Intact::snapshot), journal.fillsAfter(applied),
                orders.stream().filter(o -> o.status().isOpen()).toList(), SnapshotVerifier.netQuantities(journal.entries()),
                selection.rejections());
    }

    /**
     * The fill journal as the loader reads it. From an SQLite store only the few columns the checks need are read
     * for every fill, and whole fills only after the chosen snapshot; from any other store, all fills at once.
     */
    private record Journal(List<FillEntry> entries, LongFunction<List<Fill>> after) {

        static Journal of(StateStore store) {
            if (store instanceof SqliteStateStore sqlite) {
                return new Journal(sqlite.fillEntries(), sqlite::fillsAfter);
            }
            List<Fill> fills = store.fills();
            return new Journal(fills.stream().map(FillEntry::of).toList(), n -> fills.subList((int) n, fills.size()));
        }

        List<Fill> fillsAfter(long count) {
            return after.apply(count);
        }
    }

    private static void refuseContradictoryJournal(StateStore store, List<Order> orders, List<FillEntry> fills) {
        Map<String, Order> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.clientOrderId(), o));
        Map<String, BigDecimal> filled = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            FillEntry fill = fills.get(i);
            if (!byId.containsKey(fill.clientOrderId())) {
                problems.add("fill number " + (i + 1) + " belongs to order " + fill.clientOrderId() + ", which the journal does not hold");
                continue;
            }
            filled.merge(fill.clientOrderId(), fill.quantity(), BigDecimal::add);
        }
        filled.forEach((id, total) -> {
            Order order = byId.get(id);
            if (total.compareTo(order.quantity()) > 0) {
                problems.add("order " + id + " is for " + order.quantity().toPlainString() + " but its recorded fills total "
                        + total.toPlainString());
            }
        });
        if (!problems.isEmpty()) {
            throw new UnrecoverableStateException("the bot will not start: the journal in " + store + " contradicts itself: "
                    + String.join("; ", problems));
        }
    }
}
