package io.tradekit.core.store;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static io.tradekit.core.store.StoreFixtures.acknowledged;
import static io.tradekit.core.store.StoreFixtures.at;
import static io.tradekit.core.store.StoreFixtures.fill;
import static io.tradekit.core.store.StoreFixtures.limitOrder;
import static io.tradekit.core.store.StoreFixtures.position;
import static io.tradekit.core.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract against a real SQLite file, plus what only a file can promise: surviving the process. */
class SqliteStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("bot.db");
    }

    @Override
    protected BotStore newStore() {
        return StateStores.sqlite(file());
    }

    @Test
    void aWrittenAheadOrderIsOnDiskWhenWriteAheadReturns() throws Exception {
        Order order = limitOrder("wa-1", "BTCUSDT", Side.BUY, "0.5", "64000");
        store.writeAhead(order);

        // Another connection, while the store is still open and nothing was flushed: the order must be there.
        assertThat(SqliteFiles.strings(file(), "SELECT client_order_id || ' ' || status || ' ' || quantity FROM orders"))
                .containsExactly("wa-1 PENDING_NEW 0.5");

        store.close();
        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            assertThat(reopened.order("wa-1")).contains(order);
            assertThatThrownBy(() -> reopened.writeAhead(order)).hasMessageContaining("no order is sent twice");
        }
    }

    @Test
    void writeAheadAlsoMakesEveryEarlierWriteDurable() throws Exception {
        store.recordEvent(new AuditEvent(at(0), "INTENT", "strategy", "cross up", "{\"fast\":10}"));
        store.writeAhead(limitOrder("wa-2", "BTCUSDT", Side.BUY, "1", "64000"));

        assertThat(SqliteFiles.strings(file(), "SELECT reason FROM events")).containsExactly("cross up");
    }

    @Test
    void aDuplicateFillIsRefusedAfterReopening() {
        Order order = limitOrder("d-1", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(order);
        Fill fill = fill("trade-9", order, "1", "64000", 1);
        assertThat(store.recordFill(fill)).isTrue();
        store.close();

        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            assertThat(reopened.recordFill(fill)).isFalse();
            assertThat(reopened.fills()).containsExactly(fill);
            assertThat(reopened.journalPositions().get("BTCUSDT")).isEqualByComparingTo("1");
        }
    }

    @Test
    void flushedWritesSurviveAStoreThatIsNeverClosed() throws Exception {
        Order order = limitOrder("g-1", "BTCUSDT", Side.BUY, "10", "64000");
        store.writeAhead(order);
        for (int i = 0; i < 500; i++) {
            store.recordEvent(new AuditEvent(at(i), "TICK", "engine", "n" + i, null));
            store.recordEquity(new EquitySnapshot(at(i), new BigDecimal("10000." + i), new BigDecimal("9000"), BigDecimal.ZERO, BigDecimal.ONE));
        }
        for (int i = 0; i < 20; i++) {
            store.recordFill(fill("t" + i, order, "0.5", "64000", i));
        }
        store.updateOrder(acknowledged(order, "77").withFilled(BigDecimal.TEN, new BigDecimal("64000"), OrderStatus.FILLED, at(30)));
        store.flush();

        // The store object is abandoned without close(), as after a crash; what another connection reads now is
        // what a restarted bot would find.
        assertThat(SqliteFiles.count(file(), "events")).isEqualTo(500);
        assertThat(SqliteFiles.count(file(), "equity_snapshots")).isEqualTo(500);
        assertThat(SqliteFiles.count(file(), "fills")).isEqualTo(20);
        assertThat(SqliteFiles.strings(file(), "SELECT status FROM orders")).containsExactly("FILLED");
        assertThat(SqliteFiles.strings(file(), "SELECT quantity FROM positions WHERE symbol = 'BTCUSDT'")).containsExactly("10.0");

        // The abandoned store still holds the journal's lock, as a hung process would: a second store is refused.
        assertThatThrownBy(() -> StateStores.sqlite(file())).isInstanceOf(JournalInUseException.class)
                .hasMessageContaining("already open in this process (pid " + ProcessHandle.current().pid() + ")");
    }

    @Test
    void closeCommitsEverythingWritten() throws Exception {
        for (int i = 0; i < 1000; i++) {
            store.recordEvent(new AuditEvent(at(i), "TICK", "engine", "n" + i, null));
        }
        store.close();

        assertThat(SqliteFiles.count(file(), "events")).isEqualTo(1000);
    }

    @Test
    void snapshotRetentionIsKeptInTheFile() throws Exception {
        store.close();
        try (SqliteStateStore three = StateStores.sqlite(file(), SqliteOptions.defaults().withSnapshotRetention(3))) {
            for (int i = 1; i <= 6; i++) {
                three.saveSnapshot(snapshot(100 + i, 0));
            }
            three.flush();
            assertThat(SqliteFiles.strings(file(), "SELECT id FROM bot_snapshots ORDER BY id")).containsExactly("4", "5", "6");
        }
        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            assertThat(reopened.latestSnapshot().orElseThrow().time()).isEqualTo(at(106));
        }
    }

    @Test
    void aDamagedNewestSnapshotFallsBackToThePreviousOneAndTheJournal() throws Exception {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        Fill f1 = fill("1", buy, "0.3", "64000", 1);
        Fill f2 = fill("2", buy, "0.2", "64000", 2);
        Fill f3 = fill("3", buy, "0.1", "64000", 3);
        store.recordFill(f1);
        BotSnapshot older = snapshot(100, 1, position("BTCUSDT", "0.3"));
        store.saveSnapshot(older);
        store.recordFill(f2);
        store.saveSnapshot(snapshot(200, 2, position("BTCUSDT", "0.5")));
        store.recordFill(f3);
        store.close();
        // Bytes of the newest snapshot change on disk (a torn write, a bad sector, a hand edit).
        SqliteFiles.execute(file(), "UPDATE bot_snapshots SET payload = replace(payload, '\"0.5\"', '\"5.0\"') WHERE id = 2");

        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            RecoveredState state = StateLoader.load(reopened);

            assertThat(state.snapshot()).contains(older);
            assertThat(state.fillsAfterSnapshot()).containsExactly(f2, f3);
            assertThat(state.rejectedSnapshots()).singleElement().asString()
                    .isEqualTo("snapshot 2 is damaged: its checksum does not match its document: the bytes changed after it was saved");
            assertThat(reopened.latestSnapshot()).contains(older);
        }
    }

    @Test
    void aSnapshotWhoseDocumentCannotBeReadIsPassedOverWithTheReason() throws Exception {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.3", "64000", 1));
        BotSnapshot older = snapshot(100, 1, position("BTCUSDT", "0.3"));
        store.saveSnapshot(older);
        store.saveSnapshot(snapshot(200, 1, position("BTCUSDT", "0.3")));
        store.close();
        SqliteFiles.execute(file(), "UPDATE bot_snapshots SET payload = substr(payload, 1, 40), checksum = NULL WHERE id = 2");

        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            RecoveredState state = StateLoader.load(reopened);

            assertThat(state.snapshot()).contains(older);
            assertThat(state.rejectedSnapshots()).singleElement().asString().startsWith("snapshot 2 is damaged: not valid JSON");
        }
    }

    @Test
    void whenEverySnapshotIsDamagedTheBotRefusesToStartAndSaysWhy() throws Exception {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.3", "64000", 1));
        store.saveSnapshot(snapshot(100, 1, position("BTCUSDT", "0.3")));
        store.saveSnapshot(snapshot(200, 1, position("BTCUSDT", "0.3")));
        store.close();
        SqliteFiles.execute(file(), "UPDATE bot_snapshots SET payload = replace(payload, 'RUNNING', 'RUNNINK'), checksum = NULL");

        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            assertThatThrownBy(() -> StateLoader.load(reopened)).isInstanceOf(UnrecoverableStateException.class)
                    .hasMessageContaining(file().toString())
                    .hasMessageContaining("snapshot 2 is damaged: field 'state' is 'RUNNINK', not a bot state")
                    .hasMessageContaining("snapshot 1 is damaged: field 'state' is 'RUNNINK', not a bot state");
        }
    }

    @Test
    void aHandEditedValueInTheJournalIsReportedWithItsTableRowAndColumn() throws Exception {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.3", "64000", 1));
        store.close();
        SqliteFiles.execute(file(), "UPDATE fills SET price = '64,000' WHERE fill_id = '1'");

        try (SqliteStateStore reopened = StateStores.sqlite(file())) {
            assertThatThrownBy(() -> StateLoader.load(reopened)).isInstanceOf(UnrecoverableStateException.class)
                    .hasMessageContaining(file().toString())
                    .hasMessageContaining("table fills, row seq=1, column price is '64,000', not a decimal number");
        }
    }

    @Test
    void aGroupThatCannotCommitStopsTheStoreAndEveryLaterCallSaysWhy() throws Exception {
        store.close();
        try (SqliteStateStore impatient = StateStores.sqlite(file(), SqliteOptions.defaults().withBusyTimeout(Duration.ofMillis(50)));
             Connection other = SqliteFiles.connect(file());
             Statement lock = other.createStatement()) {
            impatient.recordEvent(new AuditEvent(at(0), "BEFORE", "", "", null));
            impatient.flush();
            // Another process holds the write lock longer than the busy timeout: the next group cannot commit.
            lock.execute("BEGIN IMMEDIATE");
            impatient.recordEvent(new AuditEvent(at(1), "LOST", "", "", null));

            assertThatThrownBy(impatient::flush).isInstanceOf(UnrecoverableStateException.class)
                    .hasMessageContaining("could not commit").hasMessageContaining(file().toString());
            assertThatThrownBy(() -> impatient.recordEvent(new AuditEvent(at(2), "AFTER", "", "", null)))
                    .isInstanceOf(UnrecoverableStateException.class).hasMessageContaining("takes no more");
            lock.execute("ROLLBACK");
            assertThat(SqliteFiles.strings(file(), "SELECT type FROM events")).containsExactly("BEFORE");
        } catch (UnrecoverableStateException expectedOnClose) {
            assertThat(expectedOnClose).hasMessageContaining("could not commit");
        }
    }

    @Test
    void theFileIsInWalModeAndEveryFillMustReferenceAnOrder() throws Exception {
        store.writeAhead(limitOrder("x", "BTCUSDT", Side.BUY, "1", "1"));

        assertThat(SqliteFiles.strings(file(), "PRAGMA journal_mode")).containsExactly("wal");
        try (Connection c = SqliteFiles.connect(file()); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            assertThatThrownBy(() -> s.execute("INSERT INTO fills (fill_id, client_order_id, venue_order_id, symbol, side, price, "
                    + "quantity, fee, fee_asset, time_ns, maker) VALUES ('f', 'ghost', 'v', 'BTCUSDT', 'BUY', '1', '1', '0', 'BNB', 0, 0)"))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }
}
