package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replay journals the last bar it acted on and resumes after it: a run stopped part-way and resumed ends with the
 * summary of a run that never stopped, in every figure, with one equity point per bar; everything the journal holds
 * is stamped in market time; and a resume that would change the results (parameters, the paper venue's terms) is refused.
 */
class ReplayProgressTest {

    static final int BARS = 400;

    @TempDir
    Path dir;

    @Test
    void aReplayResumedTwiceEndsWithTheSummaryOfOneThatNeverStopped() {
        List<Bar> bars = Bars.walk(BARS, 3);
        BacktestResult whole = replay(bars, dir.resolve("whole/bot.db"));

        Path db = dir.resolve("parts/bot.db");
        replay(bars.subList(0, 130), db);
        replay(bars.subList(0, 275), db);
        BacktestResult resumed = replay(bars, db);

        assertThat(whole.fills()).hasSizeGreaterThan(20);
        assertThat(resumed.fills()).extracting(f -> f.price().toPlainString() + "@" + f.time())
                .containsExactlyElementsOf(whole.fills().stream().map(f -> f.price().toPlainString() + "@" + f.time()).toList());
        assertThat(resumed.finalEquity()).isEqualByComparingTo(whole.finalEquity());
        assertThat(resumed.realizedPnl()).isEqualByComparingTo(whole.realizedPnl());
        assertThat(resumed.fees()).isEqualByComparingTo(whole.fees());
        assertThat(resumed.returnPct()).isEqualByComparingTo(whole.returnPct());
        assertThat(resumed.maxDrawdownPct()).isEqualByComparingTo(whole.maxDrawdownPct());
        assertThat(resumed.sharpe()).isEqualTo(whole.sharpe()).isNotZero();
        assertThat(resumed.sortino()).isEqualTo(whole.sortino());
        assertThat(resumed.roundTrips()).hasSameSizeAs(whole.roundTrips());
        assertThat(resumed.equityCurve()).isEqualTo(whole.equityCurve());
        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            List<EquitySnapshot> equity = journal.equitySince(Instant.EPOCH);
            assertThat(equity).as("one equity point per bar: no bar fed twice").hasSize(BARS);
            assertThat(equity).extracting(EquitySnapshot::time).containsExactlyElementsOf(bars.stream().map(Bar::closeTime).toList());
        }
    }

    @Test
    void everyTimeTheJournalKeepsIsMarketTime() throws Exception {
        List<Bar> bars = Bars.walk(BARS, 5);
        Path db = dir.resolve("r/bot.db");
        replay(bars.subList(0, 200), db);
        replay(bars, db);
        Instant first = bars.getFirst().openTime();
        Instant last = bars.getLast().closeTime();

        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            List<AuditEvent> events = journal.eventsSince(Instant.EPOCH);
            assertThat(events).as("started, stopped, resumed").hasSizeGreaterThanOrEqualTo(4);
            assertThat(events).allSatisfy(e -> assertThat(e.time()).as(e.type() + " " + e.reason()).isBetween(first, last));
        }
        // Every time column of every table: orders, fills, positions, equity, events, snapshots and the bar mark in config.
        List<String> outside = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String column : List.of("orders.created_ns", "orders.updated_ns", "fills.time_ns", "positions.updated_ns",
                    "equity_snapshots.time_ns", "events.time_ns", "config.updated_ns")) {
                String table = column.substring(0, column.indexOf('.'));
                String where = table.equals("config") ? " WHERE key = 'bot.lastBarActedOn' OR key = 'bot.startingEquity'" : "";
                try (ResultSet rs = s.executeQuery("SELECT " + column.substring(table.length() + 1) + " FROM " + table + where)) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                        Instant t = Instant.ofEpochSecond(0, rs.getLong(1));
                        if (t.isBefore(first) || t.isAfter(last)) outside.add(column + "=" + t);
                    }
                    assertThat(rows).as(column + " rows").isPositive();
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void aResumeWithOtherParametersOrOtherVenueTermsIsRefusedNamingTheDifference() {
        List<Bar> bars = Bars.walk(BARS, 7);
        Path db = dir.resolve("r/bot.db");
        Replay.over(bars.subList(0, 100)).strategy("minute-clock", new ReplayChild.MinuteClock(), Map.of("every", "7"))
                .instrument(Bars.BTC).database(db).run();

        assertThatThrownBy(() -> Replay.over(bars).strategy("minute-clock", new ReplayChild.MinuteClock(), Map.of("every", "8"))
                .instrument(Bars.BTC).database(db).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strategy parameters are {every=7} in the journal but {every=8} now");
        assertThatThrownBy(() -> Replay.over(bars).strategy("minute-clock", new ReplayChild.MinuteClock(), Map.of("every", "7"))
                .instrument(Bars.BTC).feeBps(new BigDecimal("15")).slippageBps(new BigDecimal("2")).database(db).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("takerFeeBps=10").hasMessageContaining("takerFeeBps=15")
                .hasMessageContaining("slippageBps=0").hasMessageContaining("slippageBps=2");
        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            assertThat(journal.config("bot.lastBarActedOn")).as("the refused runs acted on no bar").contains(bars.get(99).closeTime().toString());
        }
    }

    private static BacktestResult replay(List<Bar> bars, Path db) {
        return Replay.over(bars).strategy("minute-clock", new ReplayChild.MinuteClock()).instrument(Bars.BTC).database(db).run();
    }
}
