package io.tradekit.core.engine;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a replaying bot with SIGKILL at random moments, restarts it on the same journal each time, and
 * checks that the end is exactly the end of a run that was never interrupted: the same fills, and the same
 * summary in every figure, Sharpe and the equity curve included.
 */
class CrashTest {

    static final int BARS = 2_500;
    static final long SEED = 42;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsAndRestartedTheBotEndsAsIfItHadNeverStopped() throws Exception {
        BacktestResult uninterrupted = ReplayChild.run(dir.resolve("calm/bot.db"), BARS, SEED);

        Path db = dir.resolve("crashy/bot.db");
        Files.createDirectories(db.getParent());
        Random random = new Random(7);
        int kills = 0;
        List<Integer> progressAtKill = new ArrayList<>();
        boolean done = false;
        for (int attempt = 0; attempt < 30 && !done; attempt++) {
            Process child = startChild(db);
            if (kills < 4) {
                // Kill at a random point of the data, measured by the child's own progress, not by the wall clock.
                int target = 150 + random.nextInt(BARS - 300);
                int reached = readProgressUntil(child, target);
                if (child.isAlive()) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
                    child.waitFor(30, TimeUnit.SECONDS);
                    kills++;
                    progressAtKill.add(reached);
                    continue;
                }
            } else {
                readProgressUntil(child, Integer.MAX_VALUE);
            }
            assertThat(child.waitFor(300, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(child.exitValue()).as("child exit code; its output: %s", output(db)).isZero();
            done = Files.exists(db.resolveSibling("done.txt"));
        }
        assertThat(done).as("the replay reached the end").isTrue();
        assertThat(kills).as("the bot was killed mid-run").isGreaterThanOrEqualTo(3);
        assertThat(progressAtKill).as("bars done when each kill struck").allSatisfy(n -> assertThat(n).isBetween(1, BARS - 1));

        List<Fill> expected = uninterrupted.fills();
        try (SqliteStateStore journal = StateStores.sqlite(db); SqliteStateStore venue = StateStores.sqlite(Replay.paperBookFor(db))) {
            List<Fill> actual = journal.fills();
            assertThat(actual).hasSize(expected.size()).hasSizeGreaterThan(100);
            for (int i = 0; i < expected.size(); i++) {
                String where = "fill " + i + ": expected " + expected.get(i) + " but was " + actual.get(i) + "; kills at orders "
                        + progressAtKill + "; previous expected " + (i > 0 ? expected.get(i - 1) : null) + " previous actual "
                        + (i > 0 ? actual.get(i - 1) : null) + "; venue fills " + venue.fills().size() + " journal fills " + actual.size()
                        + "; journal orders " + journal.orders().stream().skip(Math.max(0, i - 3)).limit(6).toList()
                        + "; events " + journal.events(40) + "; child log: " + output(db);
                assertThat(actual.get(i).quantity()).as(where).isEqualByComparingTo(expected.get(i).quantity());
                assertThat(actual.get(i).side()).isEqualTo(expected.get(i).side());
                assertThat(actual.get(i).price()).isEqualByComparingTo(expected.get(i).price());
                assertThat(actual.get(i).quantity()).isEqualByComparingTo(expected.get(i).quantity());
                assertThat(actual.get(i).fee()).isEqualByComparingTo(expected.get(i).fee());
                assertThat(actual.get(i).time()).isEqualTo(expected.get(i).time());
            }
            // The venue saw each client order id once, and its fills are the bot's fills: none lost, none twice.
            List<Order> atVenue = venue.orders();
            Set<String> ids = new HashSet<>();
            for (Order o : atVenue) assertThat(ids.add(o.clientOrderId())).isTrue();
            assertThat(atVenue).hasSize(journal.orders().size());
            assertThat(venue.fills()).extracting(Fill::fillId).containsExactlyElementsOf(actual.stream().map(Fill::fillId).toList());
            assertThat(journal.journalPositions().get("BTCUSDT"))
                    .isEqualByComparingTo(expected.stream().map(f -> f.side().sign() > 0 ? f.quantity() : f.quantity().negate())
                            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        }
        BacktestResult resumed = ReplayChild.run(db, BARS, SEED); // every bar acted on: nothing is fed
        assertThat(resumed.finalEquity()).isEqualByComparingTo(uninterrupted.finalEquity());
        assertThat(resumed.realizedPnl()).isEqualByComparingTo(uninterrupted.realizedPnl());
        assertThat(resumed.fees()).isEqualByComparingTo(uninterrupted.fees());
        assertThat(resumed.returnPct()).isEqualByComparingTo(uninterrupted.returnPct());
        assertThat(resumed.maxDrawdownPct()).isEqualByComparingTo(uninterrupted.maxDrawdownPct());
        assertThat(resumed.sharpe()).isEqualTo(uninterrupted.sharpe());
        assertThat(resumed.sortino()).isEqualTo(uninterrupted.sortino());
        assertThat(resumed.winRate()).isEqualTo(uninterrupted.winRate());
        assertThat(resumed.roundTrips()).hasSameSizeAs(uninterrupted.roundTrips());
        assertThat(resumed.equityCurve()).as("the equity curve, point by point").isEqualTo(uninterrupted.equityCurve());
        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            // The replay resumed after the last bar its journal marked: no bar fed twice, so one equity point per bar.
            assertThat(journal.equitySince(java.time.Instant.EPOCH)).hasSize(BARS);
        }
    }

    private Process startChild(Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ReplayChild.class.getName(), db.toString(), Integer.toString(BARS), Long.toString(SEED)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(db.resolveSibling("child.log").toFile())).start();
    }

    /** Reads the child's progress lines until it reports {@code target} bars or ends; returns the last count seen. */
    private static int readProgressUntil(Process child, int target) throws java.io.IOException {
        int reached = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
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
        } catch (Exception e) {
            return "(no output)";
        }
    }
}
