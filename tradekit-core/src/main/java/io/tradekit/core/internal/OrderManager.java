package io.tradekit.core.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderUpdate;
import io.tradekit.core.store.internal.IdLedger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order state machine of one bot. Orders move forward only: PENDING_NEW → NEW → PARTIALLY_FILLED
 * → FILLED, or to CANCELED / REJECTED / EXPIRED; UNKNOWN (a request that timed out or met a 5xx) waits
 * for a lookup. A late or repeated venue report never moves an order back. The filled quantity is
 * the sum of the fills applied, so a status report can never invent or drop a fill. An open order's
 * quantity only goes down, by an amend the venue confirmed or that a lookup shows took effect.
 */
public final class OrderManager {

    private final String idPrefix;
    private long sequence;
    /** Every order, in the order it was first added; indexed without an entry object per order (see {@link IdLedger}). */
    private final IdLedger<Order> orders = new IdLedger<>(Order::clientOrderId);
    private final Map<String, Order> open = new LinkedHashMap<>();
    private final Map<String, BigDecimal> filledNotional = new java.util.HashMap<>();

    public OrderManager(String botId) {
        this.idPrefix = clientIdPrefix(botId);
    }

    /**
     * At most 8 letters or digits of the bot id: with a dash and the sequence in capital letters the id stays
     * within 18 characters, the strictest venue limit (Kraken's free-text cl_ord_id), up to 26^9 orders, and
     * within {@code [A-Za-z0-9_-]}.
     */
    static String clientIdPrefix(String botId) {
        String letters = botId.replaceAll("[^A-Za-z0-9]", "");
        if (letters.isEmpty()) letters = "tk";
        return letters.substring(0, Math.min(8, letters.length()));
    }

    public String nextClientOrderId() {
        return idPrefix + "-" + letters(++sequence);
    }

    /**
     * The sequence in capital letters, A = 1 to Z = 26, then AA, AB and so on (as spreadsheet columns count).
     * Every character of such a suffix lies within 25 of the others, so two suffixes of one length never share
     * a {@link String#hashCode()} (whose multiplier is 31) and consecutive ids hash to nearby values that a
     * hash table spreads evenly. The base-36 suffixes of earlier versions ({@code 0-9a-z}) made half of all ids
     * share a hash with another and crowded a long run's orders into a few buckets of every map keyed by id.
     */
    static String letters(long sequence) {
        if (sequence < 1) throw new IllegalArgumentException("client order id sequence must be positive, got " + sequence);
        byte[] out = new byte[14];
        int at = out.length;
        for (long n = sequence; n > 0; n = (n - 1) / 26) out[--at] = (byte) ('A' + (n - 1) % 26);
        return new String(out, at, out.length - at, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The sequence of an id suffix of this bot: capital letters as {@link #letters(long)} writes them, or base 36
     * as earlier versions wrote them (digits and small letters: the two never look alike); -1 for anything else.
     */
    static long sequenceOf(String suffix) {
        if (suffix.isEmpty() || suffix.length() > 13) return -1;
        if (suffix.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            long n = 0;
            for (int i = 0; i < suffix.length(); i++) n = n * 26 + (suffix.charAt(i) - 'A' + 1);
            return n;
        }
        if (suffix.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
            try {
                return Long.parseLong(suffix, 36);
            } catch (NumberFormatException tooLong) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Takes back the orders of a previous run and continues numbering after their ids, so no id is ever
     * sent twice. Each order's filled quantity is recomputed from the journal's fills, which are the
     * truth: an order update that was lost in a crash cannot leave a filled order looking open.
     */
    public void restore(Collection<Order> known, Collection<Fill> journalFills) {
        Map<String, BigDecimal> filledQty = new java.util.HashMap<>();
        for (Fill f : journalFills) {
            filledQty.merge(f.clientOrderId(), f.quantity(), BigDecimal::add);
            filledNotional.merge(f.clientOrderId(), f.notional(), BigDecimal::add);
        }
        for (Order stored : known) {
            String id = stored.clientOrderId();
            Order o = stored;
            BigDecimal filled = filledQty.getOrDefault(id, BigDecimal.ZERO);
            if (filled.compareTo(o.filledQuantity()) != 0) {
                OrderStatus status = filled.compareTo(o.quantity()) >= 0 ? OrderStatus.FILLED
                        : o.status().isTerminal() ? o.status() : filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : o.status();
                BigDecimal average = filled.signum() == 0 ? BigDecimal.ZERO : filledNotional.get(id).divide(filled, MathContext.DECIMAL64);
                o = o.withFilled(filled, average, status, o.updatedAt());
            }
            orders.put(o);
            if (o.status().isOpen()) open.put(id, o);
            // an id of another scheme (-1) cannot collide with ours
            if (id.startsWith(idPrefix + "-")) sequence = Math.max(sequence, sequenceOf(id.substring(idPrefix.length() + 1)));
        }
    }

    public void add(Order order) {
        orders.put(order);
        if (order.status().isOpen()) open.put(order.clientOrderId(), order);
    }

    public Optional<Order> get(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    public List<Order> openOrders() {
        return new ArrayList<>(open.values());
    }

    public int openCount() {
        return open.size();
    }

    /** Every order, in the order it was first added (read-only). */
    public List<Order> all() {
        return orders.values();
    }

    /** The venue accepted the order. Returns the changed order, or empty if nothing changed. */
    public Optional<Order> onAck(OrderAck ack) {
        Order order = orders.get(ack.clientOrderId());
        if (order == null) return Optional.empty();
        Order changed = withVenueOrderId(order, ack.venueOrderId());
        if (order.status() == OrderStatus.PENDING_NEW || order.status() == OrderStatus.UNKNOWN) {
            OrderStatus status = ack.status() == OrderStatus.PENDING_NEW ? OrderStatus.NEW : ack.status();
            changed = advance(changed, status, ack.time(), Optional.empty());
        }
        return store(order, changed);
    }

    /** A venue report; applied only if it moves the order forward. */
    public Optional<Order> onUpdate(OrderUpdate update) {
        Order order = orders.get(update.clientOrderId());
        if (order == null) return Optional.empty();
        Order changed = withVenueOrderId(order, update.venueOrderId().orElse(null));
        changed = advance(changed, update.status(), update.time(), update.reason());
        return store(order, changed);
    }

    /**
     * The venue lowered an open order's quantity (an amend it confirmed). Applied only to an open order and
     * only as a decrease; an order whose fills reach the new quantity is FILLED.
     */
    public Optional<Order> onAmended(String clientOrderId, BigDecimal newQuantity, Instant now) {
        Order order = orders.get(clientOrderId);
        if (order == null || order.status().isTerminal() || newQuantity.signum() <= 0 || newQuantity.compareTo(order.quantity()) >= 0) {
            return Optional.empty();
        }
        return store(order, order.withQuantity(newQuantity, now));
    }

    /**
     * The venue's view of an order found by a lookup: a lower quantity there means an amend took effect
     * (a venue never raises one), then its status is applied like any report.
     */
    public Optional<Order> onLookup(Order atVenue, Instant now) {
        Optional<Order> amended = onAmended(atVenue.clientOrderId(), atVenue.quantity(), now);
        Optional<Order> updated = onUpdate(OrderUpdate.of(atVenue, now));
        return updated.or(() -> amended);
    }

    /** The request's outcome is unknown (timeout, 5xx): keep the order open until a lookup settles it. */
    public Optional<Order> markUnknown(String clientOrderId, Instant now, String reason) {
        Order order = orders.get(clientOrderId);
        if (order == null || order.status() != OrderStatus.PENDING_NEW) return Optional.empty();
        return store(order, order.withStatus(OrderStatus.UNKNOWN, now, Optional.of(reason)));
    }

    public Optional<Order> reject(String clientOrderId, Instant now, String reason) {
        Order order = orders.get(clientOrderId);
        if (order == null || order.status().isTerminal()) return Optional.empty();
        return store(order, order.withStatus(OrderStatus.REJECTED, now, Optional.of(reason)));
    }

    /** Adds a fill (already known to be new) to its order's filled quantity and average price. */
    public Optional<Order> onFill(Fill fill) {
        Order order = orders.get(fill.clientOrderId());
        if (order == null) return Optional.empty();
        BigDecimal filledBefore = order.filledQuantity();
        BigDecimal filled = filledBefore.signum() == 0 ? fill.quantity() : filledBefore.add(fill.quantity());
        boolean complete = filled.compareTo(order.quantity()) >= 0;
        BigDecimal average;
        if (complete) {
            // No fill can follow a complete one, so its order's running notional need not be kept: the map holds
            // only orders that may still fill, instead of growing with every order a long run ever filled.
            BigDecimal before = filledNotional.remove(fill.clientOrderId());
            // A venue that fills an order past its quantity: what it had filled is the order's own record.
            if (before == null && filledBefore.signum() > 0) before = order.averageFillPrice().multiply(filledBefore);
            if (before == null && fill.price().precision() <= 16) {
                // An order filled at once: its one price is the average, the same number and scale the division
                // gives whenever the price fits the division's 16 digits.
                average = fill.price();
            } else {
                average = (before == null ? fill.notional() : before.add(fill.notional())).divide(filled, MathContext.DECIMAL64);
            }
        } else {
            average = filledNotional.merge(fill.clientOrderId(), fill.notional(), BigDecimal::add).divide(filled, MathContext.DECIMAL64);
        }
        OrderStatus status = complete ? OrderStatus.FILLED
                : order.status().isTerminal() ? order.status() : OrderStatus.PARTIALLY_FILLED;
        Order changed = withVenueOrderId(order, fill.venueOrderId()).withFilled(filled, average, status, fill.time());
        return store(order, changed);
    }

    private static Order advance(Order order, OrderStatus reported, Instant now, Optional<String> reason) {
        OrderStatus current = order.status();
        if (current.isTerminal() || reported == current) return order;
        if (reported == OrderStatus.PENDING_NEW || reported == OrderStatus.UNKNOWN) return order;
        if (reported == OrderStatus.NEW && current == OrderStatus.PARTIALLY_FILLED) return order;
        // FILLED is reached through fills, so that a status report cannot invent quantity.
        if (reported == OrderStatus.FILLED || reported == OrderStatus.PARTIALLY_FILLED) {
            return current == OrderStatus.PENDING_NEW || current == OrderStatus.UNKNOWN
                    ? order.withStatus(OrderStatus.NEW, now, Optional.empty()) : order;
        }
        return order.withStatus(reported, now, reason);
    }

    /** The order with the venue's id; the order itself when it already has that id (or none is given), as most reports do. */
    private static Order withVenueOrderId(Order order, String venueOrderId) {
        if (venueOrderId == null || order.venueOrderId().isPresent() && order.venueOrderId().get().equals(venueOrderId)) return order;
        return order.withVenueOrderId(venueOrderId);
    }

    private Optional<Order> store(Order before, Order after) {
        // A new status is a change; only a copy with the same status is compared field by field.
        if (after == before || after.status() == before.status() && after.equals(before)) return Optional.empty();
        orders.put(after);
        if (after.status().isOpen()) open.put(after.clientOrderId(), after);
        else open.remove(after.clientOrderId());
        return Optional.of(after);
    }
}
