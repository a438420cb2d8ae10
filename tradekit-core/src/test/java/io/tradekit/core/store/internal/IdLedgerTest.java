package io.tradekit.core.store.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdLedgerTest {

    /** A value with an id and a version, as an order is its client order id and its latest state. */
    record Item(String id, int version) {
    }

    private final IdLedger<Item> ledger = new IdLedger<>(Item::id);

    @Test
    void keepsValuesInTheOrderTheirIdsWereFirstWrittenAndReplacesThemWhereTheyStand() {
        ledger.put(new Item("b", 1));
        ledger.put(new Item("a", 1));
        ledger.put(new Item("c", 1));

        Item before = ledger.put(new Item("a", 2));

        assertThat(before).isEqualTo(new Item("a", 1));
        assertThat(ledger.values()).containsExactly(new Item("b", 1), new Item("a", 2), new Item("c", 1));
        assertThat(ledger.get("a")).isEqualTo(new Item("a", 2));
        assertThat(ledger.size()).isEqualTo(3);
    }

    @Test
    void addIfAbsentKeepsTheValueWrittenFirst() {
        assertThat(ledger.addIfAbsent(new Item("x", 1))).isTrue();
        assertThat(ledger.addIfAbsent(new Item("x", 2))).isFalse();

        assertThat(ledger.get("x")).isEqualTo(new Item("x", 1));
        assertThat(ledger.values()).containsExactly(new Item("x", 1));
    }

    @Test
    void anIdNeverWrittenIsNotFound() {
        ledger.put(new Item("x", 1));

        assertThat(ledger.get("y")).isNull();
        assertThat(ledger.contains("y")).isFalse();
        assertThat(ledger.contains("x")).isTrue();
        assertThat(new IdLedger<Item>(Item::id).isEmpty()).isTrue();
    }

    @Test
    void findsEveryIdAmongIdsThatShareAHash() {
        // "Aa" and "BB" have the same String.hashCode, and so has every string made of such pairs: 2^10 ids, one hash.
        List<String> ids = new ArrayList<>();
        ids.add("");
        for (int round = 0; round < 10; round++) {
            List<String> longer = new ArrayList<>();
            for (String id : ids) {
                longer.add(id + "Aa");
                longer.add(id + "BB");
            }
            ids = longer;
        }
        assertThat(ids.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);

        for (int i = 0; i < ids.size(); i++) ledger.put(new Item(ids.get(i), i));

        for (int i = 0; i < ids.size(); i++) assertThat(ledger.get(ids.get(i))).isEqualTo(new Item(ids.get(i), i));
        assertThat(ledger.get("AaAaAaAaAaAaAaAaAaAa" + "x")).isNull();
        assertThat(ledger.size()).isEqualTo(1024);
    }

    @Test
    void agreesWithAnInsertionOrderedMapOverAHundredThousandRandomWrites() {
        Map<String, Item> model = new LinkedHashMap<>();
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            // New ids and old ones mixed, as a run places new orders and updates those it placed.
            String id = "bot-" + Integer.toString(random.nextInt(i / 2 + 1), 36);
            Item item = new Item(new String(id), i); // a different String instance than the one kept: found by value
            if (random.nextBoolean()) {
                assertThat(ledger.put(item)).isEqualTo(model.put(id, item));
            } else {
                boolean absent = !model.containsKey(id);
                if (absent) model.put(id, item);
                assertThat(ledger.addIfAbsent(item)).isEqualTo(absent);
            }
        }

        assertThat(ledger.values()).containsExactlyElementsOf(model.values());
        for (String id : model.keySet()) assertThat(ledger.get(id)).isSameAs(model.get(id));
        assertThat(ledger.get("bot-unknown")).isNull();
    }

    @Test
    void itsViewFollowsLaterWritesAndCannotBeChanged() {
        List<Item> view = ledger.values();
        ledger.put(new Item("a", 1));
        ledger.put(new Item("a", 2));
        ledger.put(new Item("b", 1));

        assertThat(view).containsExactly(new Item("a", 2), new Item("b", 1));
        assertThatThrownBy(() -> view.add(new Item("c", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.set(0, new Item("c", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
