package io.tradekit.core.store;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Side;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.core.store.internal.SchemaMigrator;
import io.tradekit.core.store.internal.SnapshotCodec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

import static io.tradekit.core.store.StoreFixtures.at;
import static io.tradekit.core.store.StoreFixtures.fill;
import static io.tradekit.core.store.StoreFixtures.limitOrder;
import static io.tradekit.core.store.StoreFixtures.position;
import static io.tradekit.core.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file written by an older tradekit is upgraded in place, and its rows keep their meaning. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneDatabaseIsUpgradedAndItsRowsAreIntact() throws Exception {
        Path file = dir.resolve("v1.db");
        Order order = limitOrder("old-1", "BTCUSDT", Side.BUY, "1.0", "64000.5");
        Fill fill = new Fill("trade-1", "old-1", "v-9", "BTCUSDT", Side.BUY, new BigDecimal("64000.5"),
                new BigDecimal("0.25"), new BigDecimal("0.01"), "USDT", at(5), false);
        BotSnapshot oldSnapshot = snapshot(60, 1, position("BTCUSDT", "0.25"));
        writeVersionOne(file, order, fill, oldSnapshot);
        assertThat(SqliteFiles.strings(file, "SELECT version FROM schema_version")).containsExactly("1");

        try (SqliteStateStore store = StateStores.sqlite(file)) {
            assertThat(SqliteFiles.strings(file, "SELECT version FROM schema_version ORDER BY version")).containsExactlyElementsOf(allVersions());
            assertThat(store.orders()).containsExactly(order);
            assertThat(store.fills()).containsExactly(fill);
            assertThat(store.recordFill(fill)).isFalse();
            assertThat(store.journalPositions().get("BTCUSDT")).isEqualByComparingTo("0.25");
            // A snapshot saved before V2 has no checksum and is still read, field by field.
            assertThat(store.latestSnapshot()).contains(oldSnapshot);

            // What V2 added works: metrics, checksums on new snapshots, the open-orders index.
            store.recordMetrics(new MetricsSnapshot(at(70), "{\"winRate\":0.5}"));
            store.saveSnapshot(snapshot(120, 1, position("BTCUSDT", "0.25")));
            assertThat(store.metricsSince(at(0))).extracting(MetricsSnapshot::metricsJson).containsExactly("{\"winRate\":0.5}");
            store.flush();
            assertThat(SqliteFiles.strings(file, "SELECT coalesce(length(checksum), 0) FROM bot_snapshots ORDER BY id"))
                    .containsExactly("0", "64");
            assertThat(SqliteFiles.strings(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'orders_by_status'"))
                    .containsExactly("orders_by_status");
        }
    }

    @Test
    void aVersionTwoDatabaseKeepsItsFillsAndThenTellsFillsApartByOrder() throws Exception {
        Path file = dir.resolve("v2.db");
        Order order = limitOrder("old-1", "BTCUSDT", Side.BUY, "1.0", "64000.5");
        Fill fill = new Fill("trade-1", "old-1", "v-9", "BTCUSDT", Side.BUY, new BigDecimal("64000.5"),
                new BigDecimal("0.25"), new BigDecimal("0.01"), "USDT", at(5), false);
        writeVersionOne(file, order, fill, snapshot(60, 1, position("BTCUSDT", "0.25")));
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath());
        try (Handle h = jdbi.open()) {
            SchemaMigrator.migrate(h, 2, file.toString());
        }
        assertThat(SqliteFiles.strings(file, "SELECT max(version) FROM schema_version")).containsExactly("2");

        try (SqliteStateStore store = StateStores.sqlite(file)) {
            assertThat(SqliteFiles.strings(file, "SELECT max(version) FROM schema_version"))
                    .containsExactly(Integer.toString(SchemaMigrator.latestVersion()));
            assertThat(store.fills()).containsExactly(fill);
            assertThat(SqliteFiles.strings(file, "SELECT seq FROM fills")).containsExactly("1");
            assertThat(store.recordFill(fill)).isFalse();
            Order next = limitOrder("new-2", "BTCUSDT", Side.BUY, "1.0", "64001");
            store.writeAhead(next);
            Fill reused = new Fill("trade-1", "new-2", "v-1", "BTCUSDT", Side.BUY, new BigDecimal("64001"),
                    new BigDecimal("0.5"), new BigDecimal("0.01"), "USDT", at(9), false);
            assertThat(store.recordFill(reused)).isTrue();
            assertThat(store.fills()).containsExactly(fill, reused);
            assertThat(store.journalPositions().get("BTCUSDT")).isEqualByComparingTo("0.75");
        }
        assertThat(SqliteFiles.strings(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fills' ORDER BY name"))
                .contains("fills_by_order", "fills_by_time");
        try (SqliteStateStore reopened = StateStores.sqlite(file)) {
            assertThat(reopened.fills()).hasSize(2);
            assertThat(reopened.recordFill(fill)).isFalse();
        }
    }

    @Test
    void theNewestEventsOfOneTypeAreFoundByTheirIndexNotByReadingEveryEvent() throws Exception {
        Path file = dir.resolve("events.db");
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            store.recordEvent(new io.tradekit.api.store.AuditEvent(at(1), "grid-round-trip", "grid", "a trip", "{}"));
        }
        assertThat(SqliteFiles.strings(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"))
                .contains("events_by_type");
        java.util.List<String> plan = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN SELECT seq, time_ns, type, actor, reason, inputs_json FROM events "
                     + "WHERE type = 'grid-round-trip' ORDER BY seq DESC LIMIT 10000")) {
            while (rs.next()) plan.add(rs.getString("detail"));
        }
        assertThat(plan).as("the query plan of StateStore.events(type, limit)").anyMatch(step -> step.contains("USING INDEX events_by_type"))
                .noneMatch(step -> step.contains("TEMP B-TREE"));
    }

    @Test
    void anEquityJournalWithTwoMarksAtOneInstantKeepsTheFirstAndAfterwardsALaterMarkOfAnInstantIsDropped() throws Exception {
        Path file = dir.resolve("v3.db");
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath());
        try (Handle h = jdbi.open()) {
            SchemaMigrator.migrate(h, 3, file.toString());
            // A replay killed after marking a bar and fed that bar again after the restart: two marks at 60 s, the first the true one.
            long start = io.tradekit.core.store.internal.EpochNanos.of(at(0), "start");
            long minute = io.tradekit.core.store.internal.EpochNanos.of(at(60), "minute");
            h.execute("INSERT INTO equity_snapshots (time_ns, equity, cash, realized_pnl, unrealized_pnl) VALUES "
                    + "(?, '1000', '1000', '0', '0'), (?, '990', '990', '0', '0'), (?, '995', '995', '0', '0')", start, minute, minute);
        }

        try (SqliteStateStore store = StateStores.sqlite(file)) {
            assertThat(store.equitySince(at(0))).extracting(e -> e.equity().toPlainString()).containsExactly("1000", "990");
            store.recordEquity(new io.tradekit.api.store.EquitySnapshot(at(60), new BigDecimal("996"), new BigDecimal("996"),
                    BigDecimal.ZERO, BigDecimal.ZERO));
            store.recordEquity(new io.tradekit.api.store.EquitySnapshot(at(120), new BigDecimal("997"), new BigDecimal("997"),
                    BigDecimal.ZERO, BigDecimal.ZERO));
            assertThat(store.equitySince(at(0))).extracting(e -> e.equity().toPlainString()).containsExactly("1000", "990", "997");
        }
    }

    @Test
    void aVersionFiveJournalOfAPerpetualBotGainsItsFundingJournalAndKeepsEveryRow() throws Exception {
        Path file = dir.resolve("v5.db");
        Order order = limitOrder("short-1", "ETHUSDT", Side.SELL, "1.0", "2000");
        Fill fill = new Fill("trade-1", "short-1", "v-9", "ETHUSDT", Side.SELL, new BigDecimal("2000"),
                new BigDecimal("1.0"), new BigDecimal("1.2"), "USDT", at(5), false);
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath());
        try (Handle h = jdbi.open()) {
            SchemaMigrator.migrate(h, 5, file.toString());
            h.execute("""
                    INSERT INTO orders (client_order_id, venue_order_id, symbol, side, type, quantity, limit_price, time_in_force,
                                        reduce_only, status, filled_quantity, average_fill_price, created_ns, updated_ns, tag, reason)
                    VALUES ('short-1', NULL, 'ETHUSDT', 'SELL', 'LIMIT', '1.0', '2000', 'GTC', 0, 'PENDING_NEW', '0', '0', ?, ?, 'grid-level-3', NULL)""",
                    nanos(order.createdAt()), nanos(order.updatedAt()));
            h.execute("""
                    INSERT INTO fills (fill_id, client_order_id, venue_order_id, symbol, side, price, quantity, fee, fee_asset, time_ns, maker)
                    VALUES ('trade-1', 'short-1', 'v-9', 'ETHUSDT', 'SELL', '2000', '1.0', '1.2', 'USDT', ?, 0)""", nanos(fill.time()));
            h.execute("INSERT INTO positions (symbol, quantity, fill_count, updated_ns) VALUES ('ETHUSDT', '-1.0', 1, 0)");
        }
        assertThat(SqliteFiles.strings(file, "SELECT max(version) FROM schema_version")).containsExactly("5");
        assertThat(SqliteFiles.strings(file, "SELECT name FROM sqlite_master WHERE name = 'funding_payments'")).isEmpty();

        // The short of 1 ETH receives 1 × 2010 × 0.0001 = 0.201 at 08:00.
        io.tradekit.api.FundingPayment received = new io.tradekit.api.FundingPayment("ETHUSDT", at(8 * 3600), new BigDecimal("0.0001"),
                new BigDecimal("2010"), new BigDecimal("-1.0"), new BigDecimal("-0.201"));
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            assertThat(SqliteFiles.strings(file, "SELECT version FROM schema_version ORDER BY version")).containsExactlyElementsOf(allVersions());
            assertThat(store.orders()).containsExactly(order);
            assertThat(store.fills()).containsExactly(fill);
            assertThat(store.journalPositions().get("ETHUSDT")).isEqualByComparingTo("-1.0");
            assertThat(store.fundingPayments()).isEmpty();
            assertThat(store.recordFunding(received)).isTrue();
        }
        try (SqliteStateStore reopened = StateStores.sqlite(file)) {
            assertThat(reopened.fundingPayments()).containsExactly(received);
            assertThat(reopened.recordFunding(received)).as("a settlement journaled before the reopen counts once").isFalse();
            assertThat(reopened.fills()).containsExactly(fill);
        }
    }

    @Test
    void aDatabaseAlreadyAtTheLatestVersionIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("current.db");
        StateStores.sqlite(file).close();
        StateStores.sqlite(file).close();

        assertThat(SqliteFiles.strings(file, "SELECT version FROM schema_version ORDER BY version")).containsExactlyElementsOf(allVersions());
    }

    @Test
    void aDatabaseWrittenByANewerVersionIsRefused() throws Exception {
        Path file = dir.resolve("newer.db");
        StateStores.sqlite(file).close();
        SqliteFiles.execute(file, "INSERT INTO schema_version (version, description, applied_ns) VALUES (9, 'from the future', 0)");

        assertThatThrownBy(() -> StateStores.sqlite(file)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("schema version 9")
                .hasMessageContaining("reads up to " + SchemaMigrator.latestVersion());
    }

    @Test
    void anSqliteFileOfSomethingElseIsRefused() throws Exception {
        Path file = dir.resolve("accounting.db");
        SqliteFiles.execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount TEXT)");

        assertThatThrownBy(() -> StateStores.sqlite(file)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("not a tradekit state store").hasMessageContaining("invoices");
        assertThat(SqliteFiles.count(file, "invoices")).isZero();
    }

    private static java.util.List<String> allVersions() {
        return SchemaMigrator.MIGRATIONS.stream().map(m -> Integer.toString(m.version())).toList();
    }

    private static void writeVersionOne(Path file, Order order, Fill fill, BotSnapshot snapshot) {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath());
        try (Handle h = jdbi.open()) {
            SchemaMigrator.migrate(h, 1, file.toString());
            h.execute("""
                    INSERT INTO orders (client_order_id, venue_order_id, symbol, side, type, quantity, limit_price, time_in_force,
                                        reduce_only, status, filled_quantity, average_fill_price, created_ns, updated_ns, tag, reason)
                    VALUES (?, NULL, 'BTCUSDT', 'BUY', 'LIMIT', '1.0', '64000.5', 'GTC', 0, 'PENDING_NEW', '0', '0', ?, ?, 'grid-level-3', NULL)""",
                    order.clientOrderId(), nanos(order.createdAt()), nanos(order.updatedAt()));
            h.execute("""
                    INSERT INTO fills (fill_id, client_order_id, venue_order_id, symbol, side, price, quantity, fee, fee_asset, time_ns, maker)
                    VALUES ('trade-1', 'old-1', 'v-9', 'BTCUSDT', 'BUY', '64000.5', '0.25', '0.01', 'USDT', ?, 0)""", nanos(fill.time()));
            h.execute("INSERT INTO positions (symbol, quantity, fill_count, updated_ns) VALUES ('BTCUSDT', '0.25', 1, 0)");
            h.execute("INSERT INTO bot_snapshots (time_ns, state, fill_count, payload) VALUES (?, 'RUNNING', 1, ?)",
                    nanos(snapshot.time()), SnapshotCodec.encode(snapshot));
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

}
