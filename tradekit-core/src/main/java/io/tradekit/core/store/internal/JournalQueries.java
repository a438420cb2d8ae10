package io.tradekit.core.store.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.store.MetricsSnapshot;
import io.tradekit.core.store.StoredSnapshot;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The reads of a bot's database, each mapping rows back to the api's records. */
public final class JournalQueries {

    private static final String ORDER_COLUMNS = """
            seq, client_order_id, venue_order_id, symbol, side, type, quantity, limit_price, time_in_force, reduce_only,
            status, filled_quantity, average_fill_price, created_ns, updated_ns, tag, reason""";
    private static final String FILL_COLUMNS = """
            seq, fill_id, client_order_id, venue_order_id, symbol, side, price, quantity, fee, fee_asset, time_ns, maker""";
    private static final String OPEN_STATUSES = Arrays.stream(OrderStatus.values()).filter(OrderStatus::isOpen)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private JournalQueries() {
    }

    public static List<Order> orders(Handle h) {
        return h.createQuery("SELECT " + ORDER_COLUMNS + " FROM orders ORDER BY seq").map(orderMapper()).list();
    }

    public static List<Order> openOrders(Handle h) {
        return h.createQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE status IN " + OPEN_STATUSES + " ORDER BY seq")
                .map(orderMapper()).list();
    }

    public static Optional<Order> order(Handle h, String clientOrderId) {
        return h.createQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE client_order_id = ?").bind(0, clientOrderId)
                .map(orderMapper()).findOne();
    }

    public static List<Fill> fills(Handle h) {
        return h.createQuery("SELECT " + FILL_COLUMNS + " FROM fills ORDER BY seq").map(fillMapper()).list();
    }

    public static List<Fill> fillsOf(Handle h, String clientOrderId) {
        return h.createQuery("SELECT " + FILL_COLUMNS + " FROM fills WHERE client_order_id = ? ORDER BY seq")
                .bind(0, clientOrderId).map(fillMapper()).list();
    }

    /** The most recent {@code limit} events, oldest first. */
    public static List<AuditEvent> events(Handle h, int limit) {
        return oldestFirst(h.createQuery("SELECT seq, time_ns, type, actor, reason, inputs_json FROM events "
                + "ORDER BY seq DESC LIMIT ?").bind(0, Math.max(0, limit)).map(eventMapper()).list());
    }

    /** The most recent {@code limit} events of {@code type}, oldest first (read newest first from the index by type). */
    public static List<AuditEvent> events(Handle h, String type, int limit) {
        return oldestFirst(h.createQuery("SELECT seq, time_ns, type, actor, reason, inputs_json FROM events "
                + "WHERE type = ? ORDER BY seq DESC LIMIT ?").bind(0, type).bind(1, Math.max(0, limit)).map(eventMapper()).list());
    }

    private static List<AuditEvent> oldestFirst(List<AuditEvent> newestFirst) {
        List<AuditEvent> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    public static List<AuditEvent> eventsSince(Handle h, Instant from) {
        return h.createQuery("SELECT seq, time_ns, type, actor, reason, inputs_json FROM events WHERE time_ns >= ? "
                + "ORDER BY time_ns, seq").bind(0, EpochNanos.of(from, "from")).map(eventMapper()).list();
    }

    public static List<EquitySnapshot> equitySince(Handle h, Instant from) {
        RowReader r = new RowReader("equity_snapshots", "seq");
        return h.createQuery("SELECT seq, time_ns, equity, cash, realized_pnl, unrealized_pnl FROM equity_snapshots "
                        + "WHERE time_ns >= ? ORDER BY time_ns, seq").bind(0, EpochNanos.of(from, "from"))
                .map((rs, ctx) -> {
                    r.at(rs);
                    return new EquitySnapshot(r.instant("time_ns"), r.decimal("equity"), r.decimal("cash"),
                            r.decimal("realized_pnl"), r.decimal("unrealized_pnl"));
                }).list();
    }

    /** Every funding settlement, in the order journaled. */
    public static List<FundingPayment> fundingPayments(Handle h) {
        RowReader r = new RowReader("funding_payments", "seq");
        return h.createQuery("SELECT seq, symbol, time_ns, rate, mark_price, quantity, amount FROM funding_payments ORDER BY seq")
                .map((rs, ctx) -> {
                    r.at(rs);
                    return new FundingPayment(r.text("symbol"), r.instant("time_ns"), r.decimal("rate"), r.decimal("mark_price"),
                            r.decimal("quantity"), r.decimal("amount"));
                }).list();
    }

    /** The key a funding settlement is deduplicated by: its symbol and instant. */
    public static String fundingKey(String symbol, Instant time) {
        return symbol + "@" + EpochNanos.of(time, "funding " + symbol + " time");
    }

    /** Every funding key in the journal. */
    public static Set<String> fundingKeys(Handle h) {
        Set<String> keys = new HashSet<>();
        h.createQuery("SELECT symbol || '@' || time_ns FROM funding_payments").mapTo(String.class).forEach(keys::add);
        return keys;
    }

    public static List<MetricsSnapshot> metricsSince(Handle h, Instant from) {
        RowReader r = new RowReader("metrics_snapshots", "seq");
        return h.createQuery("SELECT seq, time_ns, metrics_json FROM metrics_snapshots WHERE time_ns >= ? ORDER BY time_ns, seq")
                .bind(0, EpochNanos.of(from, "from"))
                .map((rs, ctx) -> new MetricsSnapshot(r.at(rs).instant("time_ns"), r.text("metrics_json"))).list();
    }

    public static Optional<String> config(Handle h, String key) {
        return h.createQuery("SELECT value FROM config WHERE key = ?").bind(0, key).mapTo(String.class).findOne();
    }

    public static Map<String, String> configEntries(Handle h) {
        Map<String, String> entries = new LinkedHashMap<>();
        h.createQuery("SELECT key, value FROM config ORDER BY key")
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .forEach(e -> entries.put(e.getKey(), e.getValue()));
        return entries;
    }

    public static List<Bar> cachedCandles(Handle h, String symbol, Timeframe timeframe, Instant from, Instant to) {
        RowReader r = new RowReader("candles", "open_time_ns");
        return h.createQuery("SELECT open_time_ns, open, high, low, close, volume FROM candles "
                        + "WHERE symbol = ? AND timeframe = ? AND open_time_ns >= ? AND open_time_ns < ? ORDER BY open_time_ns")
                .bind(0, symbol).bind(1, timeframe.toString()).bind(2, EpochNanos.of(from, "from")).bind(3, EpochNanos.of(to, "to"))
                .map((rs, ctx) -> {
                    r.at(rs);
                    return new Bar(symbol, timeframe, r.instant("open_time_ns"), r.decimal("open"), r.decimal("high"),
                            r.decimal("low"), r.decimal("close"), r.decimal("volume"));
                }).list();
    }

    /** Every kept snapshot, newest first, each checked against its checksum and decoded. */
    public static List<StoredSnapshot> snapshotHistory(Handle h) {
        return h.createQuery("SELECT id, payload, checksum FROM bot_snapshots ORDER BY id DESC")
                .map((rs, ctx) -> stored(rs.getLong("id"), rs.getString("payload"), rs.getString("checksum"))).list();
    }

    public static Map<String, JournalWriter.PositionTally> positions(Handle h) {
        Map<String, JournalWriter.PositionTally> positions = new LinkedHashMap<>();
        RowReader r = new RowReader("positions", "symbol");
        h.createQuery("SELECT symbol, quantity, fill_count FROM positions ORDER BY symbol")
                .map((rs, ctx) -> Map.entry(r.at(rs).text("symbol"), new JournalWriter.PositionTally(r.decimal("quantity"),
                        r.number("fill_count"))))
                .forEach(e -> positions.put(e.getKey(), e.getValue()));
        return positions;
    }

    /**
     * The key a fill is deduplicated by: the venue's trade id within its symbol and order, written as
     * {@code <symbol length>:<symbol><order id length>:<order id><fill id>} so that no two triples share a key and
     * SQL can build it too. The order is in the key because a venue that restarts numbers its trades afresh: a
     * trade id alone would match an old fill of another order and drop a real one.
     */
    public static String fillKey(String symbol, String clientOrderId, String fillId) {
        return symbol.codePointCount(0, symbol.length()) + ":" + symbol + clientOrderId.codePointCount(0, clientOrderId.length()) + ":"
                + clientOrderId + fillId;
    }

    /** Every fill key in the journal, built by SQLite so that one column per fill crosses into Java. */
    public static Set<String> fillKeys(Handle h) {
        Set<String> keys = new HashSet<>();
        h.createQuery("SELECT length(symbol) || ':' || symbol || length(client_order_id) || ':' || client_order_id || fill_id FROM fills")
                .mapTo(String.class).forEach(keys::add);
        return keys;
    }

    /** Every fill's order, symbol, side and quantity, in journal order. */
    public static List<FillEntry> fillEntries(Handle h) {
        RowReader r = new RowReader("fills", "seq");
        return h.createQuery("SELECT seq, client_order_id, symbol, side, quantity FROM fills ORDER BY seq")
                .map((rs, ctx) -> {
                    r.at(rs);
                    return new FillEntry(r.text("client_order_id"), r.text("symbol"), r.choice("side", Side.class), r.decimal("quantity"));
                }).list();
    }

    /** The fills after the first {@code count}, in journal order. */
    public static List<Fill> fillsAfter(Handle h, long count) {
        return h.createQuery("SELECT " + FILL_COLUMNS + " FROM fills ORDER BY seq LIMIT -1 OFFSET ?").bind(0, count)
                .map(fillMapper()).list();
    }

    public static Set<String> clientOrderIds(Handle h) {
        return new HashSet<>(h.createQuery("SELECT client_order_id FROM orders").mapTo(String.class).list());
    }

    private static StoredSnapshot stored(long id, String payload, String checksum) {
        if (payload == null) {
            return new StoredSnapshot.Damaged(id, "its document is empty (NULL)");
        }
        if (checksum != null && !checksum.equals(SnapshotCodec.checksum(payload))) {
            return new StoredSnapshot.Damaged(id, "its checksum does not match its document: the bytes changed after it was saved");
        }
        try {
            return new StoredSnapshot.Intact(id, SnapshotCodec.decode(payload));
        } catch (SnapshotFormatException e) {
            return new StoredSnapshot.Damaged(id, e.getMessage());
        } catch (RuntimeException e) {
            return new StoredSnapshot.Damaged(id, "its document holds an invalid value: " + e.getMessage());
        }
    }

    private static RowMapper<Order> orderMapper() {
        RowReader r = new RowReader("orders", "client_order_id");
        return (rs, ctx) -> {
            r.at(rs);
            return new Order(r.text("client_order_id"), r.optionalText("venue_order_id"), r.text("symbol"), r.choice("side", Side.class),
                    r.choice("type", OrderType.class), r.decimal("quantity"), r.optionalDecimal("limit_price"),
                    r.choice("time_in_force", TimeInForce.class), r.flag("reduce_only"), r.choice("status", OrderStatus.class),
                    r.decimal("filled_quantity"), r.decimal("average_fill_price"), r.instant("created_ns"), r.instant("updated_ns"),
                    r.text("tag"), r.optionalText("reason"));
        };
    }

    private static RowMapper<Fill> fillMapper() {
        RowReader r = new RowReader("fills", "seq");
        return (rs, ctx) -> {
            r.at(rs);
            return new Fill(r.text("fill_id"), r.text("client_order_id"), r.text("venue_order_id"), r.text("symbol"),
                    r.choice("side", Side.class), r.decimal("price"), r.decimal("quantity"), r.decimal("fee"),
                    r.text("fee_asset"), r.instant("time_ns"), r.flag("maker"));
        };
    }

    private static RowMapper<AuditEvent> eventMapper() {
        RowReader r = new RowReader("events", "seq");
        return (rs, ctx) -> {
            r.at(rs);
            return new AuditEvent(r.instant("time_ns"), r.text("type"), r.text("actor"), r.text("reason"), r.text("inputs_json"));
        };
    }
}
