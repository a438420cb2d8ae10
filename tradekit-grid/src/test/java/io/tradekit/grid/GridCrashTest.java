package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grid that is stopped without its state, or killed with SIGKILL, and restarted on the same SQLite
 * journal and durable paper venue must take over its open orders, not lay a second ladder: no level ever
 * has two working orders at the venue, and a restart that resumes from the last bar ends with the fills
 * of a run that was never interrupted.
 */
class GridCrashTest {

    static final int BARS = 1_500;
    static final long SEED = 11;

    @TempDir
    Path dir;

    @Test
    void aRestartWhoseSavedStateIsOlderThanTheJournalTakesOverTheOpenOrders() throws Exception {
        List<Bar> bars = PricePath.randomWalk(BARS, 0.003, SEED);
        BacktestResult whole = GridReplayChild.replay(BARS, SEED).database(dir.resolve("whole/bot.db")).run();

        // Three restarts, each after a run whose grid state was lost (it saves nothing): only the journal is left.
        Path db = dir.resolve("cut/bot.db");
        for (int end : new int[] {400, 800, 1_100}) {
            Replay.over(bars.subList(0, end)).strategy("grid", new Forgetful(new GridStrategy(GridReplayChild.settings())))
                    .instrument(PricePath.BTC).cash(new java.math.BigDecimal("1000")).database(db).run();
        }
        GridStrategy last = new GridStrategy(GridReplayChild.settings());
        BacktestResult resumed = Replay.over(bars).strategy("grid", last).instrument(PricePath.BTC).cash(new java.math.BigDecimal("1000"))
                .database(db).run();

        assertSameEnd(whole, resumed, db);
        assertSameSummary(whole, resumed);
        assertEachLevelPlacedOnce(db);
        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            assertThat(journal.equitySince(java.time.Instant.EPOCH)).as("one equity point per bar, none fed twice").hasSize(BARS);
        }
        assertThat(last.workingOrders()).as("the resumed grid works the open orders it took over").isNotEmpty();
        assertThat(last.stats().inventory()).isEqualByComparingTo(resumed.fills().stream()
                .map(f -> f.side() == io.tradekit.api.Side.BUY ? f.quantity() : f.quantity().negate()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }

    /**
     * Killed with SIGKILL again and again, at points chosen by its progress: inside a bar where the grid has just
     * heard of a fill, before it answered (the venue has the fill, the journal not) and after (the counter-order is
     * journaled and may be on its way), and at random bars; restarted each time on the same journal and durable paper
     * venue, the grid ends exactly where a run that was never interrupted ends: the same fills at the same prices and
     * times, the same summary figure for figure, the same orders at the venue with each client id sent once and no
     * level given a second order while one worked, the journal and the venue agreeing fill for fill, no bar fed twice.
     */
    @Test
    void aGridKilledInsideBarsAndBetweenThemEndsEqualToAnUninterruptedRun() throws Exception {
        GridStrategy calmGrid = new GridStrategy(GridReplayChild.settings());
        BacktestResult whole = GridReplayChild.replay(BARS, SEED, calmGrid).database(dir.resolve("whole/bot.db")).run();
        Path db = dir.resolve("crashy/bot.db");
        Files.createDirectories(db.getParent());
        Random random = new Random(Long.getLong("killSeed", 5));
        // Inside bars: at the n-th fill a run hears, before and after the grid answers it; between them the kill lands anywhere.
        List<String> plan = List.of("fill before", "bar", "fill after", "fill before", "bar", "fill after");
        List<String> kills = new ArrayList<>();
        for (String kind : plan) {
            String[] pause = kind.startsWith("fill") ? new String[] {Integer.toString(5 + random.nextInt(60)), kind.substring(5)} : new String[0];
            Process child = startChild(db, pause);
            String reached = pause.length > 0 ? readUntil(child, "paused ") : "progress " + readProgressUntil(child, 100 + random.nextInt(600));
            assertThat(child.isAlive()).as("the child was still running at %s; its log: %s", kind, output(db)).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no snapshot, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills.add(kind + " at " + reached);
        }
        Process last = startChild(db, new String[0]);
        readProgressUntil(last, Integer.MAX_VALUE);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).as("the last run finished").isTrue();
        assertThat(last.exitValue()).as("the last run's exit code; its output: %s", output(db)).isZero();
        assertThat(db.resolveSibling("done.txt")).as("the replay reached the end after kills %s", kills).exists();

        GridStrategy restartedGrid = new GridStrategy(GridReplayChild.settings());
        BacktestResult resumed = GridReplayChild.replay(BARS, SEED, restartedGrid).database(db).run(); // nothing left to feed: the journal's summary
        System.out.println("kills: " + kills);
        assertSameEnd(whole, resumed, db);
        assertSameSummary(whole, resumed);
        assertSameGridLedger(calmGrid, restartedGrid, output(db));
        assertEachLevelPlacedOnce(db);
        try (SqliteStateStore journal = StateStores.sqlite(db); SqliteStateStore venue = StateStores.sqlite(Replay.paperBookFor(db))) {
            assertThat(venue.fills()).extracting(Fill::fillId).containsExactlyInAnyOrderElementsOf(journal.fills().stream().map(Fill::fillId).toList());
            assertThat(journal.equitySince(java.time.Instant.EPOCH)).as("one equity point per bar, none fed twice").hasSize(BARS);
        }
    }

    /**
     * The grid's own ledger, journaled with the fills that change it: the same round trips (pair, prices, quantity, fees,
     * profit, when) and the same figures of the summary's grid section as the run that was never killed.
     */
    static void assertSameGridLedger(GridStrategy calm, GridStrategy restarted, String childLog) {
        assertThat(calm.stats().roundTrips()).as("round trips of the uninterrupted grid").isPositive();
        assertThat(restarted.stats()).usingRecursiveComparison().withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .as("the grid's figures; the children's log: %s", childLog).isEqualTo(calm.stats());
        assertThat(restarted.roundTrips()).usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration
                .builder().withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).build())
                .as("the grid's round trips, pair by pair").containsExactlyElementsOf(calm.roundTrips());
    }

    /** Every figure of the summary: money, round trips, risk ratios and the equity curve point by point. */
    private static void assertSameSummary(BacktestResult whole, BacktestResult resumed) {
        assertThat(resumed.equityCurve()).hasSameSizeAs(whole.equityCurve());
        for (int i = 0; i < whole.equityCurve().size(); i++) {
            assertThat(resumed.equityCurve().get(i).time()).as("curve point %d", i).isEqualTo(whole.equityCurve().get(i).time());
            assertThat(resumed.equityCurve().get(i).equity()).as("curve point %d at %s", i, whole.equityCurve().get(i).time())
                    .isEqualByComparingTo(whole.equityCurve().get(i).equity());
        }
        assertThat(resumed.realizedPnl()).isEqualByComparingTo(whole.realizedPnl());
        assertThat(resumed.fees()).isEqualByComparingTo(whole.fees());
        assertThat(resumed.initialCash()).isEqualByComparingTo(whole.initialCash());
        assertThat(resumed.returnPct()).isEqualByComparingTo(whole.returnPct());
        assertThat(resumed.maxDrawdownPct()).isEqualByComparingTo(whole.maxDrawdownPct());
        assertThat(resumed.sharpe()).isEqualTo(whole.sharpe());
        assertThat(resumed.sortino()).isEqualTo(whole.sortino());
        assertThat(resumed.winRate()).isEqualTo(whole.winRate());
        assertThat(resumed.roundTrips()).extracting(RoundTrip::pnl).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactlyElementsOf(whole.roundTrips().stream().map(RoundTrip::pnl).toList());
        assertThat(resumed.dayCloses()).hasSameSizeAs(whole.dayCloses());
    }

    /** Each client id reached the venue once, and no side of a level had a second order while the first still worked. */
    private void assertEachLevelPlacedOnce(Path db) {
        try (SqliteStateStore venue = StateStores.sqlite(Replay.paperBookFor(db))) {
            List<Order> atVenue = venue.orders();
            Set<String> ids = new HashSet<>();
            for (Order o : atVenue) assertThat(ids.add(o.clientOrderId())).as("client id %s sent once", o.clientOrderId()).isTrue();
            java.util.Map<String, List<Order>> byLevel = new java.util.HashMap<>();
            for (Order o : atVenue) {
                if (o.limitPrice().isEmpty()) continue;
                byLevel.computeIfAbsent(o.side() + "@" + o.limitPrice().get().stripTrailingZeros().toPlainString(), k -> new ArrayList<>()).add(o);
            }
            byLevel.forEach((level, orders) -> {
                List<Order> inTime = orders.stream().sorted(Comparator.comparing(Order::createdAt)).toList();
                for (int i = 1; i < inTime.size(); i++) {
                    Order before = inTime.get(i - 1);
                    Order after = inTime.get(i);
                    assertThat(before.status().isTerminal() && !after.createdAt().isBefore(before.updatedAt()))
                            .as("%s: %s placed while %s still worked", level, after.clientOrderId(), before.clientOrderId()).isTrue();
                }
            });
        }
    }

    /** The same fills, the same orders at the venue (each client id once, no level twice), the same money. */
    private void assertSameEnd(BacktestResult whole, BacktestResult resumed, Path db) {
        List<Fill> expected = inBarOrder(whole.fills());
        assertThat(expected).hasSizeGreaterThan(100);
        try (SqliteStateStore journal = StateStores.sqlite(db); SqliteStateStore venue = StateStores.sqlite(Replay.paperBookFor(db))) {
            List<Fill> actual = inBarOrder(journal.fills());
            assertThat(actual).as("fills; child log: %s", output(db)).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Fill a = expected.get(i);
                Fill b = actual.get(i);
                String where = "fill " + i + ": expected " + a + " but was " + b;
                assertThat(b.side()).as(where).isEqualTo(a.side());
                assertThat(b.price()).as(where).isEqualByComparingTo(a.price());
                assertThat(b.quantity()).as(where).isEqualByComparingTo(a.quantity());
                assertThat(b.time()).as(where).isEqualTo(a.time());
            }
            List<Order> atVenue = venue.orders();
            Set<String> ids = new HashSet<>();
            for (Order o : atVenue) assertThat(ids.add(o.clientOrderId())).as("client id %s sent once", o.clientOrderId()).isTrue();
            assertThat(atVenue).as("orders that reached the venue").hasSameSizeAs(whole.orders().stream()
                    .filter(o -> o.venueOrderId().isPresent()).toList());
            List<String> open = atVenue.stream().filter(o -> o.status().isOpen())
                    .map(o -> o.side() + "@" + o.limitPrice().map(p -> p.stripTrailingZeros().toPlainString()).orElse("market")).sorted().toList();
            assertThat(open).as("no level has two orders").doesNotHaveDuplicates();
            assertThat(open).isEqualTo(whole.orders().stream().filter(o -> o.status().isOpen())
                    .map(o -> o.side() + "@" + o.limitPrice().map(p -> p.stripTrailingZeros().toPlainString()).orElse("market")).sorted().toList());
        }
        assertThat(resumed.finalEquity()).isEqualByComparingTo(whole.finalEquity());
    }

    private static List<Fill> inBarOrder(List<Fill> fills) {
        // Orders sent in one loop turn may reach a venue in any order: compare fills in a fixed order within each bar.
        return fills.stream().sorted(Comparator.comparing(Fill::time).thenComparing(Fill::side).thenComparing(Fill::price)).toList();
    }

    private Process startChild(Path db, String[] pause) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GridReplayChild.class.getName(), db.toString(), Integer.toString(BARS), Long.toString(SEED)));
        cmd.addAll(List.of(pause));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(db.resolveSibling("child.log").toFile())).start();
    }

    /** Reads the child's output until a line starts with {@code prefix}; returns that line (or what ended the output). */
    private static String readUntil(Process child, String prefix) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(prefix)) return line;
        }
        return "end of output";
    }

    private static int readProgressUntil(Process child, int target) throws IOException {
        int reached = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("progress ")) reached = Integer.parseInt(line.substring(9).trim());
                if (reached >= target) break;
            }
        }
        return reached;
    }

    private String output(Path db) {
        try {
            String log = Files.readString(db.resolveSibling("child.log"));
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** A grid whose saved state is lost: every restart finds only the journal, as after a kill before any snapshot. */
    private record Forgetful(GridStrategy grid) implements Strategy {
        @Override
        public int warmupBars() {
            return grid.warmupBars();
        }

        @Override
        public void onStart(StrategyContext ctx) {
            grid.onStart(ctx);
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            grid.onBar(bar, ctx);
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext ctx) {
            grid.onOrderUpdate(order, ctx);
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            grid.onFill(fill, ctx);
        }

        @Override
        public String saveState() {
            return "{}";
        }
    }
}
