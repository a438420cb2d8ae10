package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.Plugins;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.internal.WarmupHistory;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.MetricsSnapshot;
import io.tradekit.core.store.Retention;
import io.tradekit.core.store.RetentionCleaner;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperationalRecordsTest {

    @TempDir
    Path dir;

    private final PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));

    @Test
    void aRunningBotAuditsItsOrdersRefusalsAndFillsAndWritesMetricsOnASchedule() throws Exception {
        Path db = dir.resolve("bot.db");
        try (TradingBot bot = TradeKit.bot("records").exchange(new PaperExchange(settings)).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .plugins(Plugins.discover().register(BandStrategy.PROVIDER)).strategy("band", Map.of("below", "2"))
                .store(StateStores.sqlite(db)).dataClock().metricsInterval(Duration.ofMillis(50)).build()) {
            bot.start();
            // The bid goes to 100 - 2 = 98; the second bar's path (open 100, low 96.5) reaches it.
            for (Bar bar : Bars.closes("100", "97")) ReplayDriver.of(bot).feed(bar);
            bot.submit("carol", "too small on purpose", OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("90")));

            List<AuditEvent> events = bot.auditEvents(500);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("order");
                assertThat(e.actor()).isEqualTo("band-2");
                assertThat(e.inputsJson()).contains("\"price\":\"98\"").contains("\"quantity\":\"0.1\"");
            });
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("fill");
                assertThat(e.actor()).isEqualTo("paper");
                assertThat(e.inputsJson()).contains("\"side\":\"BUY\"").contains("\"price\":\"98");
            });
            // 0.01 x 90 = 0.9 is under the instrument's minimum notional of 5: sizing refuses it, with the order's values.
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("refusal");
                assertThat(e.actor()).isEqualTo("sizing");
                assertThat(e.inputsJson()).contains("\"policy\":\"sizing\"").contains("\"quantity\":\"0.01\"").contains("\"price\":\"90\"")
                        .contains("\"equity\":");
            });

            int before = metricsRows(db);
            ParameterChangeTest.waitFor(() -> metricsRows(db) >= before + 2, "metrics snapshots are written while the bot runs");
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            List<MetricsSnapshot> metrics = store.metricsSince(Instant.EPOCH);
            assertThat(metrics).anySatisfy(m -> assertThat(m.metricsJson()).contains("\"state\":\"RUNNING\"").contains("\"fillsApplied\":1")
                    .contains("\"position\":\"0.1\"").contains("\"ordersDenied\":1"));
        }
    }

    @Test
    void retentionPrunesEventsEquityAndMetricsOlderThanTheirAgeAndKeepsTheRest() {
        Path db = dir.resolve("bot.db");
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            for (int days : new int[]{400, 100, 10}) {
                Instant at = now.minus(Duration.ofDays(days));
                store.recordEvent(new AuditEvent(at, "state", "engine", days + " days ago", "{}"));
                store.recordEquity(new EquitySnapshot(at, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO));
                store.recordMetrics(new MetricsSnapshot(at, "{}"));
            }
        }
        Retention kept = Retention.defaults().withEvents(Duration.ofDays(30)).withMetrics(Duration.ofDays(200));
        RetentionCleaner.Pruned pruned = RetentionCleaner.prune(db, kept, now);

        // Events keep 30 days (400 and 100 go), equity the default 365 (400 goes), metrics 200 (400 goes).
        assertThat(pruned).isEqualTo(new RetentionCleaner.Pruned(2, 1, 1));
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.eventsSince(Instant.EPOCH)).extracting(AuditEvent::reason).containsExactly("10 days ago");
            assertThat(store.equitySince(Instant.EPOCH)).hasSize(2);
            assertThat(store.metricsSince(Instant.EPOCH)).hasSize(2);
        }
    }

    @Test
    void aRestartWarmsUpFromTheCandleCacheAndAsksTheVenueOnlyForBarsAfterIt() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Bar> history = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BigDecimal p = BigDecimal.valueOf(100 + i % 7);
            history.add(new Bar("BTCUSDT", Timeframe.M1, t0.plusSeconds(60L * i), p, p, p, p, BigDecimal.ONE));
        }
        List<Instant[]> asked = new ArrayList<>();
        ForwardingVenue venue = new ForwardingVenue(new PaperExchange(settings)) {
            @Override
            public List<Bar> history(String s, Timeframe t, Instant from, Instant to) {
                asked.add(new Instant[]{from, to});
                return history.stream().filter(b -> !b.openTime().isBefore(from) && b.openTime().isBefore(to)).toList();
            }
        };
        Path db = dir.resolve("bot.db");
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            Instant firstStart = t0.plusSeconds(60L * 100);
            List<Bar> first = WarmupHistory.load(venue, store, "BTCUSDT", Timeframe.M1, 50, firstStart);
            // 51 bars' worth of window: [100 - 51, 100) minutes.
            assertThat(first).hasSize(51);
            assertThat(asked).hasSize(1);

            Instant restart = t0.plusSeconds(60L * 110);
            List<Bar> second = WarmupHistory.load(venue, store, "BTCUSDT", Timeframe.M1, 50, restart);
            assertThat(second).extracting(Bar::openTime).containsExactlyElementsOf(
                    history.subList(59, 110).stream().map(Bar::openTime).toList());
            // The cache held minutes 49..99; only 100..110 were asked of the venue.
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1)[0]).isEqualTo(t0.plusSeconds(60L * 100));
            assertThat(store.cachedCandles("BTCUSDT", Timeframe.M1, t0, restart)).hasSize(61);
        }
    }

    private static int metricsRows(Path db) {
        try (Connection peek = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = peek.createStatement().executeQuery("SELECT count(*) FROM metrics_snapshots")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }
}
