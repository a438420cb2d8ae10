package io.tradekit.core.store.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.store.MetricsSnapshot;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One row the journal writer will write, already converted to column values on the caller's thread, so
 * that a value the store cannot keep is refused to the caller rather than failing a whole group later.
 * Consecutive writes of one kind go to the database as one prepared batch.
 */
public sealed interface JournalWrite {

    /** The statement shared by every write of this kind. */
    String sql();

    /** Sets this write's values on the statement and adds them to its batch. */
    void addTo(PreparedStatement batch) throws SQLException;

    /** Insert, or replace every column but the key and the write order: write-ahead and updates alike. */
    record OrderRow(String clientOrderId, String venueOrderId, String symbol, String side, String type, String quantity,
                    String limitPrice, String timeInForce, int reduceOnly, String status, String filledQuantity,
                    String averageFillPrice, long createdNs, long updatedNs, String tag, String reason) implements JournalWrite {

        static final String SQL = """
                INSERT INTO orders (client_order_id, venue_order_id, symbol, side, type, quantity, limit_price, time_in_force,
                                    reduce_only, status, filled_quantity, average_fill_price, created_ns, updated_ns, tag, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (client_order_id) DO UPDATE SET
                    venue_order_id = excluded.venue_order_id, symbol = excluded.symbol, side = excluded.side,
                    type = excluded.type, quantity = excluded.quantity, limit_price = excluded.limit_price,
                    time_in_force = excluded.time_in_force, reduce_only = excluded.reduce_only, status = excluded.status,
                    filled_quantity = excluded.filled_quantity, average_fill_price = excluded.average_fill_price,
                    created_ns = excluded.created_ns, updated_ns = excluded.updated_ns, tag = excluded.tag,
                    reason = excluded.reason""";

        public static OrderRow of(Order o) {
            String what = "order " + o.clientOrderId();
            return new OrderRow(o.clientOrderId(), o.venueOrderId().orElse(null), o.symbol(), o.side().name(), o.type().name(),
                    o.quantity().toString(), o.limitPrice().map(BigDecimal::toString).orElse(null), o.timeInForce().name(),
                    o.reduceOnly() ? 1 : 0, o.status().name(), o.filledQuantity().toString(), o.averageFillPrice().toString(),
                    EpochNanos.of(o.createdAt(), what + " createdAt"), EpochNanos.of(o.updatedAt(), what + " updatedAt"),
                    o.tag(), o.reason().orElse(null));
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setString(1, clientOrderId);
            b.setString(2, venueOrderId);
            b.setString(3, symbol);
            b.setString(4, side);
            b.setString(5, type);
            b.setString(6, quantity);
            b.setString(7, limitPrice);
            b.setString(8, timeInForce);
            b.setInt(9, reduceOnly);
            b.setString(10, status);
            b.setString(11, filledQuantity);
            b.setString(12, averageFillPrice);
            b.setLong(13, createdNs);
            b.setLong(14, updatedNs);
            b.setString(15, tag);
            b.setString(16, reason);
            b.addBatch();
        }
    }

    /** A new fill; the store has already refused duplicates, so a unique-constraint failure here is a bug. */
    record FillRow(String fillId, String clientOrderId, String venueOrderId, String symbol, String side, String price,
                   BigDecimal signedQuantity, String quantity, String fee, String feeAsset, long timeNs, int maker)
            implements JournalWrite {

        static final String SQL = """
                INSERT INTO fills (fill_id, client_order_id, venue_order_id, symbol, side, price, quantity, fee, fee_asset, time_ns, maker)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

        public static FillRow of(Fill f) {
            return new FillRow(f.fillId(), f.clientOrderId(), f.venueOrderId(), f.symbol(), f.side().name(), f.price().toString(),
                    f.side().sign() > 0 ? f.quantity() : f.quantity().negate(), f.quantity().toString(), f.fee().toString(),
                    f.feeAsset(), EpochNanos.of(f.time(), "fill " + f.fillId() + " time"), f.maker() ? 1 : 0);
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setString(1, fillId);
            b.setString(2, clientOrderId);
            b.setString(3, venueOrderId);
            b.setString(4, symbol);
            b.setString(5, side);
            b.setString(6, price);
            b.setString(7, quantity);
            b.setString(8, fee);
            b.setString(9, feeAsset);
            b.setLong(10, timeNs);
            b.setInt(11, maker);
            b.addBatch();
        }
    }

    record EventRow(long timeNs, String type, String actor, String reason, String inputsJson) implements JournalWrite {

        static final String SQL = "INSERT INTO events (time_ns, type, actor, reason, inputs_json) VALUES (?, ?, ?, ?, ?)";

        public static EventRow of(AuditEvent e) {
            return new EventRow(EpochNanos.of(e.time(), "audit event " + e.type() + " time"), e.type(), e.actor(), e.reason(),
                    e.inputsJson());
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setLong(1, timeNs);
            b.setString(2, type);
            b.setString(3, actor);
            b.setString(4, reason);
            b.setString(5, inputsJson);
            b.addBatch();
        }
    }

    record EquityRow(long timeNs, String equity, String cash, String realizedPnl, String unrealizedPnl) implements JournalWrite {

        static final String SQL = """
                INSERT INTO equity_snapshots (time_ns, equity, cash, realized_pnl, unrealized_pnl) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (time_ns) DO NOTHING""";

        public static EquityRow of(EquitySnapshot s) {
            return new EquityRow(EpochNanos.of(s.time(), "equity snapshot time"), s.equity().toString(), s.cash().toString(),
                    s.realizedPnl().toString(), s.unrealizedPnl().toString());
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setLong(1, timeNs);
            b.setString(2, equity);
            b.setString(3, cash);
            b.setString(4, realizedPnl);
            b.setString(5, unrealizedPnl);
            b.addBatch();
        }
    }

    /** A snapshot document with its checksum; the writer prunes old snapshots in the same transaction. */
    record SnapshotRow(long timeNs, String state, long fillCount, String payload, String checksum) implements JournalWrite {

        static final String SQL = "INSERT INTO bot_snapshots (time_ns, state, fill_count, payload, checksum) VALUES (?, ?, ?, ?, ?)";

        public static SnapshotRow of(BotSnapshot s) {
            String payload = SnapshotCodec.encode(s);
            return new SnapshotRow(EpochNanos.of(s.time(), "snapshot time"), s.state().name(), s.fillCount(), payload,
                    SnapshotCodec.checksum(payload));
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setLong(1, timeNs);
            b.setString(2, state);
            b.setLong(3, fillCount);
            b.setString(4, payload);
            b.setString(5, checksum);
            b.addBatch();
        }
    }

    record MetricsRow(long timeNs, String metricsJson) implements JournalWrite {

        static final String SQL = "INSERT INTO metrics_snapshots (time_ns, metrics_json) VALUES (?, ?)";

        public static MetricsRow of(MetricsSnapshot m) {
            return new MetricsRow(EpochNanos.of(m.time(), "metrics snapshot time"), m.metricsJson());
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setLong(1, timeNs);
            b.setString(2, metricsJson);
            b.addBatch();
        }
    }

    record ConfigRow(String key, String value, long updatedNs) implements JournalWrite {

        static final String SQL = """
                INSERT INTO config (key, value, updated_ns) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ns = excluded.updated_ns""";

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setString(1, key);
            b.setString(2, value);
            b.setLong(3, updatedNs);
            b.addBatch();
        }
    }

    record CandleRow(String symbol, String timeframe, long openTimeNs, String open, String high, String low, String close,
                     String volume) implements JournalWrite {

        static final String SQL = """
                INSERT OR REPLACE INTO candles (symbol, timeframe, open_time_ns, open, high, low, close, volume)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

        public static CandleRow of(Bar bar) {
            return new CandleRow(bar.symbol(), bar.timeframe().toString(),
                    EpochNanos.of(bar.openTime(), "bar " + bar.symbol() + " open time"), bar.open().toString(),
                    bar.high().toString(), bar.low().toString(), bar.close().toString(), bar.volume().toString());
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setString(1, symbol);
            b.setString(2, timeframe);
            b.setLong(3, openTimeNs);
            b.setString(4, open);
            b.setString(5, high);
            b.setString(6, low);
            b.setString(7, close);
            b.setString(8, volume);
            b.addBatch();
        }
    }

    /** A funding settlement; the store has already refused one it holds, and the key makes a repeat a no-op. */
    record FundingRow(String symbol, long timeNs, String rate, String markPrice, String quantity, String amount) implements JournalWrite {

        static final String SQL = """
                INSERT INTO funding_payments (symbol, time_ns, rate, mark_price, quantity, amount) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (symbol, time_ns) DO NOTHING""";

        public static FundingRow of(FundingPayment p) {
            return new FundingRow(p.symbol(), EpochNanos.of(p.time(), "funding " + p.symbol() + " time"), p.rate().toString(),
                    p.markPrice().toString(), p.quantity().toString(), p.amount().toString());
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedStatement b) throws SQLException {
            b.setString(1, symbol);
            b.setLong(2, timeNs);
            b.setString(3, rate);
            b.setString(4, markPrice);
            b.setString(5, quantity);
            b.setString(6, amount);
            b.addBatch();
        }
    }
}
