package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.data.DataSets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tradekit replay} of every bundled strategy (sma-cross and grid, and sma-cross as a perpetual with shorts at 3x,
 * its funding, leverage and liquidation figures included) in a child JVM, killed with SIGKILL at points
 * of its own progress and run again on the same journal each time, writes the {@code summary.json} of a run that was
 * never interrupted, figure for figure (Sharpe, drawdown, the returns by day and the grid's own round trips and profit
 * included), its journal holds one
 * equity point per bar, and every client order id reached the paper venue once. Two kills strike between bars (chosen
 * by the journal's bar mark), two inside a bar (just after the paper venue committed a fill, before or while the bot
 * hears of it).
 */
class ReplayKillCliTest {

    /** What a summary says about the machine rather than the run. */
    private static final Set<String> TIMINGS = Set.of("elapsedMs", "barsPerSecond");

    @TempDir
    Path dir;

    static java.util.stream.Stream<Arguments> runs() {
        return java.util.stream.Stream.of(Arguments.of("sma-cross", List.of()), Arguments.of("grid", List.of()),
                Arguments.of("sma-cross", List.of("--market", "perp", "--leverage", "3", "--param", "allowShort=true", "--funding-rate", "0.0001")));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void aReplayKilledAtRandomPointsAndRunAgainWritesTheSummaryOfOneThatNeverStopped(String strategy, List<String> flags) throws Exception {
        List<Bar> data = DataSets.load("eth-usd-5m");
        int bars = data.size();
        List<String> calmArgs = new ArrayList<>(List.of("replay", "--strategy", strategy, "--data", "eth-usd-5m", "--db", "calm/bot.db",
                "--out", "calm"));
        calmArgs.addAll(flags);
        ModeCliRun calm = ModeCliRun.in(dir, calmArgs.toArray(String[]::new));
        assertThat(calm.exitCode()).as(calm.err()).isZero();
        int venueFills = (int) SqliteFilesCount.fills(dir.resolve("calm/bot.paper.db"));

        Random random = new Random(3);
        List<String> killedAt = new ArrayList<>();
        int exit = -1;
        for (int attempt = 0; attempt < 12 && exit != 0; attempt++) {
            Process child = startChild(strategy, flags);
            if (killedAt.size() < 4) {
                // Where to kill is chosen by the child's own progress, not by the wall clock: its journal's bar mark
                // (between bars), or the paper venue's fills (inside a bar, as soon as the venue has committed one).
                // Targets early enough that every kill strikes before the data runs out: the k-th near k+1 sixths of the bars.
                boolean insideBar = killedAt.size() % 2 == 1 && venueFills > 4;
                String reached = insideBar ? "venue fill " + awaitVenueFill(child, 1 + random.nextInt(Math.max(1, venueFills / 10)))
                        : "bar " + awaitProgress(child, data, bars * (killedAt.size() + 1) / 6 + random.nextInt(20));
                if (child.isAlive()) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
                    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    killedAt.add(reached);
                    continue;
                }
            }
            assertThat(child.waitFor(300, TimeUnit.SECONDS)).as("child finished").isTrue();
            exit = child.exitValue();
            assertThat(exit).as("exit code; its errors: %s", Files.readString(dir.resolve("child.err"))).isZero();
        }
        assertThat(exit).as("the last run's exit code").isZero();
        assertThat(killedAt).as("kills that struck mid-run").hasSize(4);

        JsonNode expected = json(dir.resolve("calm/summary.json"));
        JsonNode actual = json(dir.resolve("crashy/summary.json"));
        assertThat(expected.get("fills").asInt()).isPositive();
        List<String> compared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (TIMINGS.contains(field.getKey())) continue;
            // The grid section too: the grid's own ledger (round trips, profit per pair) is journaled with the fills that change it.
            assertThat(actual.get(field.getKey())).as("%s after kills at %s", field.getKey(), killedAt).isEqualTo(field.getValue());
            compared.add(field.getKey());
        }
        assertThat(compared).contains("finalEquity", "realizedPnl", "sharpe", "maxDrawdownPct", "roundTrips", "returnsByDay");
        if (strategy.equals("grid")) assertThat(compared).contains("grid");
        if (!flags.isEmpty()) {
            assertThat(compared).contains("perpetual");
            JsonNode perpetual = expected.get("perpetual");
            assertThat(perpetual.get("fundingPaid").decimalValue().add(perpetual.get("fundingReceived").decimalValue())).isPositive();
        }
        try (SqliteStateStore journal = StateStores.sqlite(dir.resolve("crashy/bot.db"));
             SqliteStateStore venue = StateStores.sqlite(dir.resolve("crashy/bot.paper.db"))) {
            assertThat(journal.equitySince(Instant.EPOCH)).as("one equity point per bar: no bar fed twice").hasSize(bars);
            List<String> sent = venue.orders().stream().map(io.tradekit.api.Order::clientOrderId).toList();
            assertThat(sent).as("each order reached the venue once").doesNotHaveDuplicates()
                    .hasSize((int) SqliteFilesCount.orders(dir.resolve("calm/bot.paper.db")));
            assertThat(venue.fills()).extracting(io.tradekit.api.Fill::fillId)
                    .containsExactlyInAnyOrderElementsOf(journal.fills().stream().map(io.tradekit.api.Fill::fillId).toList());
        }
    }

    /** Row counts of a finished run's files, read-only. */
    private static final class SqliteFilesCount {
        static long fills(Path db) throws java.sql.SQLException {
            return count(db, "fills");
        }

        static long orders(Path db) throws java.sql.SQLException {
            return count(db, "orders");
        }

        private static long count(Path db, String table) throws java.sql.SQLException {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try (Connection c = config.createConnection("jdbc:sqlite:" + db);
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Process startChild(String strategy, List<String> flags) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // A few hundred bars a second: slow enough for a kill to land inside the run.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TradeKitCli.class.getName(), "replay", "--strategy", strategy, "--data", "eth-usd-5m", "--db", "crashy/bot.db",
                "--out", "crashy", "--speed", "300"));
        cmd.addAll(flags);
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile())).start();
    }

    /**
     * Watches the child's own journal (read-only, so that it never checkpoints the log it shares) until it marks
     * {@code target} as acted on or the child ends; returns how many bars it had marked when it stopped looking.
     */
    private int awaitProgress(Process child, List<Bar> data, int target) throws Exception {
        Path db = dir.resolve("crashy/bot.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int reached = 0;
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(db)) {
                try (Connection c = config.createConnection("jdbc:sqlite:" + db);
                     ResultSet rs = c.createStatement().executeQuery("SELECT value FROM config WHERE key = 'bot.lastBarActedOn'")) {
                    if (rs.next()) {
                        Instant marked = Instant.parse(rs.getString(1));
                        reached = (int) data.stream().filter(b -> !b.closeTime().isAfter(marked)).count();
                    }
                } catch (java.sql.SQLException e) {
                    // the child is creating or migrating the file: look again
                }
            }
            if (reached >= target) break;
            Thread.sleep(5);
        }
        return reached;
    }

    /**
     * Watches the paper venue's own book (read-only) until it has committed {@code target} fills in this run or the
     * child ends; returns how many it had. The kill that follows strikes inside the bar of that fill.
     */
    private int awaitVenueFill(Process child, int target) throws Exception {
        Path book = dir.resolve("crashy/bot.paper.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int start = -1;
        int now = 0;
        try (Connection c = config.createConnection("jdbc:sqlite:" + book)) {
            while (child.isAlive() && System.nanoTime() < deadline) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM fills")) {
                    rs.next();
                    now = rs.getInt(1);
                    if (start < 0) start = now;
                } catch (java.sql.SQLException e) {
                    // the child is migrating the file: look again
                }
                if (start >= 0 && now - start >= target) break;
                Thread.sleep(1);
            }
        }
        return now;
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(Files.readString(file, StandardCharsets.UTF_8));
    }
}
