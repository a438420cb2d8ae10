package io.tradekit.core.store.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.store.MetricsSnapshot;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.math.BigDecimal;

/**
 * One row the journal writer will write, already converted to column values on the caller's thread, so
 * that a value the store cannot keep is refused to the caller rather than failing a whole group later.
 * Consecutive writes of one kind go to the database as one prepared batch.
 */
public sealed interface JournalWrite {

    /** The statement shared by every write of this kind. */
    String sql();

    /** Binds this write's values into the batch and adds it. */
    void addTo(PreparedBatch batch);

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
        public void addTo(PreparedBatch b) {
            b.bind(0, clientOrderId).bind(1, venueOrderId).bind(2, symbol).bind(3, side).bind(4, type).bind(5, quantity)
                    .bind(6, limitPrice).bind(7, timeInForce).bind(8, reduceOnly).bind(9, status).bind(10, filledQuantity)
                    .bind(11, averageFillPrice).bind(12, createdNs).bind(13, updatedNs).bind(14, tag).bind(15, reason).add();
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
        public void addTo(PreparedBatch b) {
            b.bind(0, fillId).bind(1, clientOrderId).bind(2, venueOrderId).bind(3, symbol).bind(4, side).bind(5, price)
                    .bind(6, quantity).bind(7, fee).bind(8, feeAsset).bind(9, timeNs).bind(10, maker).add();
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
        public void addTo(PreparedBatch b) {
            b.bind(0, timeNs).bind(1, type).bind(2, actor).bind(3, reason).bind(4, inputsJson).add();
        }
    }

    record EquityRow(long timeNs, String equity, String cash, String realizedPnl, String unrealizedPnl) implements JournalWrite {

        static final String SQL = """
                INSERT INTO equity_snapshots (time_ns, equity, cash, realized_pnl, unrealized_pnl) VALUES (?, ?, ?, ?, ?)""";

        public static EquityRow of(EquitySnapshot s) {
            return new EquityRow(EpochNanos.of(s.time(), "equity snapshot time"), s.equity().toString(), s.cash().toString(),
                    s.realizedPnl().toString(), s.unrealizedPnl().toString());
        }

        @Override
        public String sql() {
            return SQL;
        }

        @Override
        public void addTo(PreparedBatch b) {
            b.bind(0, timeNs).bind(1, equity).bind(2, cash).bind(3, realizedPnl).bind(4, unrealizedPnl).add();
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
        public void addTo(PreparedBatch b) {
            b.bind(0, timeNs).bind(1, state).bind(2, fillCount).bind(3, payload).bind(4, checksum).add();
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
        public void addTo(PreparedBatch b) {
            b.bind(0, timeNs).bind(1, metricsJson).add();
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
        public void addTo(PreparedBatch b) {
            b.bind(0, key).bind(1, value).bind(2, updatedNs).add();
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
        public void addTo(PreparedBatch b) {
            b.bind(0, symbol).bind(1, timeframe).bind(2, openTimeNs).bind(3, open).bind(4, high).bind(5, low).bind(6, close)
                    .bind(7, volume).add();
        }
    }
}
