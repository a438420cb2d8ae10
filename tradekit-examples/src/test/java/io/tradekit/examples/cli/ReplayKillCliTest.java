package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
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
 * {@code tradekit replay} of sma-cross in a child JVM, killed with SIGKILL at random points of its own progress and run
 * again on the same journal each time, writes the {@code summary.json} of a run that was never interrupted, figure for
 * figure (Sharpe, drawdown and the returns by day included), and its journal holds one equity point per bar. So does a
 * perpetual sma-cross with shorts at 3x, its funding, leverage and liquidation figures included.
 */
class ReplayKillCliTest {

    /** What a summary says about the machine rather than the run. */
    private static final Set<String> TIMINGS = Set.of("elapsedMs", "barsPerSecond");

    @TempDir
    Path dir;

    @Test
    void aReplayKilledAtRandomPointsAndRunAgainWritesTheSummaryOfOneThatNeverStopped() throws Exception {
        assertThat(killedAndRunAgainEqualsCalm(List.of())).contains("finalEquity", "realizedPnl", "sharpe", "maxDrawdownPct",
                "roundTrips", "returnsByDay");
    }

    @Test
    void aPerpetualReplayWithShortsKilledAtRandomPointsWritesTheSummaryOfOneThatNeverStoppedFundingIncluded() throws Exception {
        List<String> compared = killedAndRunAgainEqualsCalm(List.of("--market", "perp", "--leverage", "3", "--param", "allowShort=true",
                "--funding-rate", "0.0001"));
        assertThat(compared).contains("finalEquity", "sharpe", "roundTrips", "perpetual");
        JsonNode perpetual = json(dir.resolve("calm/summary.json")).get("perpetual");
        assertThat(perpetual.get("fundingPaid").decimalValue().add(perpetual.get("fundingReceived").decimalValue())).isPositive();
    }

    /** Runs the replay with {@code flags} once calmly and once killed three times; returns the summary figures it compared. */
    private List<String> killedAndRunAgainEqualsCalm(List<String> flags) throws Exception {
        List<Bar> data = DataSets.load("eth-usd-5m");
        int bars = data.size();
        List<String> calmArgs = new ArrayList<>(List.of("replay", "--strategy", "sma-cross", "--data", "eth-usd-5m", "--db", "calm/bot.db",
                "--out", "calm"));
        calmArgs.addAll(flags);
        ModeCliRun calm = ModeCliRun.in(dir, calmArgs.toArray(String[]::new));
        assertThat(calm.exitCode()).as(calm.err()).isZero();

        Random random = new Random(3);
        List<Integer> killedAt = new ArrayList<>();
        int exit = -1;
        for (int attempt = 0; attempt < 12 && exit != 0; attempt++) {
            Process child = startChild(flags);
            if (killedAt.size() < 3) {
                // Where to kill is chosen by the child's own progress (its journal's bar mark), not by the wall clock.
                int target = 50 + random.nextInt(bars - 100);
                int reached = awaitProgress(child, data, target);
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
        assertThat(killedAt).as("kills that struck mid-run").hasSize(3).allSatisfy(n -> assertThat(n).isBetween(1, bars - 1));

        JsonNode expected = json(dir.resolve("calm/summary.json"));
        JsonNode actual = json(dir.resolve("crashy/summary.json"));
        assertThat(expected.get("fills").asInt()).isPositive();
        List<String> compared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (TIMINGS.contains(field.getKey())) continue;
            assertThat(actual.get(field.getKey())).as("%s after kills at bars %s", field.getKey(), killedAt).isEqualTo(field.getValue());
            compared.add(field.getKey());
        }
        try (SqliteStateStore journal = StateStores.sqlite(dir.resolve("crashy/bot.db"))) {
            assertThat(journal.equitySince(Instant.EPOCH)).as("one equity point per bar: no bar fed twice").hasSize(bars);
        }
        return compared;
    }

    private Process startChild(List<String> flags) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // A few hundred bars a second: slow enough for a kill to land inside the run.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TradeKitCli.class.getName(), "replay", "--strategy", "sma-cross", "--data", "eth-usd-5m", "--db", "crashy/bot.db",
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

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(Files.readString(file, StandardCharsets.UTF_8));
    }
}
