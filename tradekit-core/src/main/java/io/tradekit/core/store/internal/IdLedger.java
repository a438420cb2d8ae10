package io.tradekit.core.store.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Values that each carry an id, kept in the order their ids were first written and found by id; a value is replaced in
 * place and never taken out. The engine's orders and the in-memory journal's orders are kept this way.
 * <p>
 * A map from id to value would do the same, and in a long backtest it is what costs the most: a map keeps an entry
 * object per order for the whole run, and the garbage collector copies every one of them, young, then survivor, then
 * old, while the run goes on (the dense grid benchmark spent a fifth of its time in the collector). Here the values
 * and their ids sit in two arrays and the index is a table of {@code int} positions (open addressing, linear probing):
 * the index holds no object per value, and a table of numbers has nothing in it that a collector has to follow.
 * <p>
 * Not thread-safe: its owner guards it.
 *
 * @param <V> the kind of value
 */
public final class IdLedger<V> {

    /**
     * The hash is multiplied by 2^32 / φ and its top bits taken (Fibonacci hashing). An engine's client order ids hash
     * to nearly consecutive numbers, and taken as they are (as {@link java.util.HashMap} takes them) they fill one long
     * run of slots that every probe landing inside it must walk to its end: a dense grid backtest ran eleven times
     * slower so. Multiplied, consecutive hashes land far apart and evenly.
     */
    private static final int GOLDEN = 0x9E3779B9;

    private final Function<? super V, String> idOf;
    private Object[] values = new Object[16];
    /** The id of the value at the same position: a probe compares ids without reaching into the values. */
    private String[] ids = new String[16];
    private int size;
    /** Position + 1 of the value whose id hashes here, 0 for an empty slot; its length is a power of two, at most half full. */
    private int[] slots = new int[32];
    private final List<V> view = new View();

    /** @param idOf the id of a value; a value's id never changes while it is kept */
    public IdLedger(Function<? super V, String> idOf) {
        this.idOf = Objects.requireNonNull(idOf, "idOf");
    }

    /** The value with this id, or null. */
    public V get(String id) {
        int at = find(id);
        return at < 0 ? null : value(at);
    }

    /** Whether a value with this id is kept. */
    public boolean contains(String id) {
        return find(id) >= 0;
    }

    /** Adds {@code value} after all others; false, keeping the one there, if a value with its id is kept already. */
    public boolean addIfAbsent(V value) {
        String id = idOf.apply(value);
        int slot = slotOf(id);
        if (slots[slot] != 0) return false;
        append(slot, id, value);
        return true;
    }

    /** Replaces the value with the same id where it stands, or adds it after all others; the value replaced, or null. */
    public V put(V value) {
        String id = idOf.apply(value);
        int slot = slotOf(id);
        int at = slots[slot] - 1;
        if (at < 0) {
            append(slot, id, value);
            return null;
        }
        V before = value(at);
        values[at] = value;
        return before;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Every value in the order its id was first written: a read-only view that follows later changes. */
    public List<V> values() {
        return view;
    }

    private int find(String id) {
        return slots[slotOf(id)] - 1;
    }

    /** The slot that holds {@code id}'s position, or the empty slot where it would go. */
    private int slotOf(String id) {
        int mask = slots.length - 1;
        for (int slot = home(id); ; slot = (slot + 1) & mask) {
            int at = slots[slot] - 1;
            if (at < 0) return slot;
            String there = ids[at];
            if (there == id || there.equals(id)) return slot;
        }
    }

    /** Where the probe for {@code id} starts: the top bits of its hash times {@link #GOLDEN}, as many as index the table. */
    private int home(String id) {
        return (id.hashCode() * GOLDEN) >>> Integer.numberOfLeadingZeros(slots.length - 1);
    }

    private void append(int slot, String id, V value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        values[size++] = value;
        slots[slot] = size;
        if (size * 2 > slots.length) grow();
    }

    private void grow() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int at = 0; at < size; at++) {
            int slot = home(ids[at]);
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = at + 1;
        }
    }

    @SuppressWarnings("unchecked")
    private V value(int at) {
        return (V) values[at];
    }

    private final class View extends AbstractList<V> implements RandomAccess {
        @Override
        public V get(int index) {
            Objects.checkIndex(index, size);
            return value(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
