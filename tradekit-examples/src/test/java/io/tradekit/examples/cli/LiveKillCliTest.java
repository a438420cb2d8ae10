package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tradekit live} of each bundled strategy (sma-cross and the grid) as a child JVM against one {@code simulate
 * binance --steps stdin} process, killed with SIGKILL at points chosen by its progress (its journal's bar mark and fill
 * count, the venue's trades) and started again on the same journal, ends where an uninterrupted live run on a fresh
 * simulator ends: the same fills in the same order, the same summary figures (the grid's own section included), and
 * every client order id sent to the venue once. Some kills let a bar close at the venue while the bot is down, so the
 * restarted bot must act on it from the venue's history before its stream; others strike inside a step: right after
 * its close, or after the venue's fills and before the close (the bot then hears of the fills from reconciliation).
 *
 * <p>The test moves the simulator one bar at a time, in two halves (the bar's fills, then its close, each once the bot
 * has answered what came before: it marked the bar, sent nothing unanswered, and journaled every fill the venue made),
 * in both runs alike: the venue's market never runs ahead of an uninterrupted bot, so the two runs meet the same
 * prices in the same order.
 */
class LiveKillCliTest {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Bars stepped after the bot's first one. */
    private static final int STEPS = 30;
    /**
     * What a live summary says about the session or the wall clock rather than the trading: the machine's speed, the last
     * session's bars (its first bar, their count, their buy-and-hold), when it ended, and the figures measured over the
     * venue's fill times, which are wall-clock times (annualised growth, Calmar, trade duration, exposure, trades per day).
     */
    private static final List<String> SESSION_FIGURES = List.of("elapsedMs", "barsPerSecond", "bars", "start", "end", "buyAndHoldReturnPct",
            "cagr", "calmar", "averageTradeDuration", "exposure", "tradesPerDay");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sma-cross", "grid"})
    void aLiveBotKilledAtRandomPointsAndRestartedEndsEqualToOneThatNeverStopped(String strategy) throws Exception {
        Run calm = run(strategy, "calm", new Random(0), false);
        Run crashy = run(strategy, "crashy", new Random(strategy.hashCode()), true);
        System.out.printf("live kill test %s: %d kills %s, calm %d ms, killed %d ms%n", strategy, crashy.kills.size(), crashy.kills,
                calm.millis, crashy.millis);

        assertThat(crashy.kills).as("kills that struck").hasSize(4);
        assertThat(calm.fills).as("the uninterrupted bot traded; its output: %s", calm.log).isNotEmpty();
        assertThat(crashy.fills).as("fills (side, price, quantity, client id) in journal order after kills at %s", crashy.kills)
                .containsExactlyElementsOf(calm.fills);
        // Orders sent together (a grid's levels) reach the venue in no fixed order: the same ids, each once.
        assertThat(crashy.newOrderRequests.keySet()).as("the client ids that reached the venue")
                .containsExactlyInAnyOrderElementsOf(calm.newOrderRequests.keySet());
        assertThat(crashy.newOrderRequests).as("each client id (each grid level's order) sent to the venue once").allSatisfy((id, n) -> assertThat(n)
                .as(id).isEqualTo(1));
        List<String> compared = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        calm.summary.fields().forEachRemaining(field -> {
            if (SESSION_FIGURES.contains(field.getKey())) return;
            JsonNode mine = field.getValue();
            JsonNode theirs = crashy.summary.get(field.getKey());
            if (field.getKey().equals("returnsByDay")) {
                // A live bot's last mark is stamped with the wall clock when it stops, and the simulator's bars closed a day or
                // more before: two runs that stop either side of midnight differ in that day alone. The days of the bars count.
                mine = daysUpTo(mine, calm.lastClose);
                theirs = daysUpTo(theirs, crashy.lastClose);
            }
            if (!mine.equals(theirs)) {
                differ.add(field.getKey() + ": " + mine + " uninterrupted, " + theirs + " after kills");
            }
            compared.add(field.getKey());
        });
        assertThat(differ).as("summary figures that differ after kills at %s", crashy.kills).isEmpty();
        assertThat(compared).contains("finalEquity", "realizedPnl", "fees", "fills", "returnPct", "sharpe", "maxDrawdownPct", "roundTrips",
                "returnsByDay");
        // The simulator dates its bars from when it starts (its last initial bar closes then), so two runs started either side
        // of a five-minute boundary see the same bars five minutes apart: what must match is how many they stepped.
        assertThat(crashy.stepped()).as("bars stepped after the first (first %s, last %s uninterrupted; first %s, last %s after kills)",
                calm.firstClose, calm.lastClose, crashy.firstClose, crashy.lastClose).isEqualTo(calm.stepped()).isEqualTo(
                java.time.Duration.ofMinutes(5).multipliedBy(STEPS));
        if (strategy.equals("grid")) {
            assertThat(compared).contains("grid");
            assertThat(calm.summary.at("/grid/roundTrips").asLong()).as("the grid completed round trips").isPositive();
        }
    }

    /** One live run over STEPS bars: uninterrupted, or killed four times at points its progress picks. */
    private Run run(String strategy, String name, Random random, boolean kill) throws Exception {
        long started = System.nanoTime();
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        try (Simulator sim = Simulator.start(home)) {
            Files.writeString(home.resolve("bot.json"), config(strategy, sim));
            Path journal = home.resolve("state/bot.db");
            Process bot = startBot(home, sim);
            String first = sim.lastClose;
            awaitIdle(bot, journal, sim, first);
            List<String> kills = new ArrayList<>();
            // Four kills at steps spread over the run: a bar closed between bars, inside a step at once, after the bot's first fill
            // of a step, and a second bar closed while down.
            List<Integer> at = new ArrayList<>();
            for (int k = 0; k < 4; k++) at.add(k * STEPS / 5 + 2 + random.nextInt(STEPS / 6));
            for (int step = 0; step < STEPS; step++) {
                int which = kill ? at.indexOf(step) : -1;
                if (which == 0 || which == 3) {
                    // Between bars: killed idle, then a bar closes while it is down; restarted, it acts on it from the venue's history.
                    bot = killed(bot);
                    String closed = sim.step();
                    kills.add("down over the bar closing " + closed);
                    bot = startBot(home, sim);
                    awaitIdle(bot, journal, sim, closed);
                    continue;
                }
                // The bar's fills first, answered by the bot, then its close: one order of events however the sockets race.
                sim.fill();
                if (which == 2) {
                    String reached = awaitFill(bot, journal);
                    bot = killed(bot);
                    kills.add("after " + reached + " before the close of step " + step);
                    bot = startBot(home, sim);
                }
                awaitAnswered(bot, journal, sim);
                String closed = sim.closeBar();
                if (which == 1) {
                    bot = killed(bot); // the bar's fills and its close are on their way to the bot
                    kills.add("at once after the step closing " + closed);
                    bot = startBot(home, sim);
                }
                awaitIdle(bot, journal, sim, closed);
            }
            Map<String, Integer> requests = sim.newOrderRequests();
            bot.destroy(); // SIGTERM: the bot stops, journals and writes its report
            assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("the bot stopped on SIGTERM").isTrue();
            Path summary = home.resolve("reports/live/summary.json");
            assertThat(summary).as("the report; the bot's errors: %s", Files.readString(home.resolve("bot.err"))).exists();
            return new Run(fills(journal), requests, json(summary), kills, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    tail(home.resolve("bot.out")) + tail(home.resolve("bot.err")), first, sim.lastClose);
        }
    }

    private record Run(List<String> fills, Map<String, Integer> newOrderRequests, JsonNode summary, List<String> kills, long millis, String log,
                       String firstClose, String lastClose) {
        /** How much market time the run stepped over: from the close of its first bar to that of its last (5m bars). */
        java.time.Duration stepped() {
            return java.time.Duration.between(java.time.Instant.parse(firstClose), java.time.Instant.parse(lastClose));
        }
    }

    /** The entries of a summary's returns by day up to the day of {@code lastClose} (an instant), in their order. */
    private static JsonNode daysUpTo(JsonNode returnsByDay, String lastClose) {
        String lastDay = java.time.Instant.parse(lastClose).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        com.fasterxml.jackson.databind.node.ArrayNode kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (returnsByDay != null) for (JsonNode day : returnsByDay) if (day.path("day").asText().compareTo(lastDay) <= 0) kept.add(day);
        return kept;
    }

    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static String config(String strategy, Simulator sim) {
        String params = strategy.equals("grid")
                ? "{\"levels\": 4, \"spacing\": 0.25, \"spacing-unit\": \"percent\", \"size-per-level\": 0.05, \"size-mode\": \"base\", \"rebalance\": \"hold\"}"
                : "{\"fast\": 2, \"slow\": 5}";
        // The simulator's bars closed hours ago on the wall clock (stepped on command): they are the bot's newest data all the same.
        return """
                {"name": "eth-kill",
                 "exchange": {"name": "binance", "settings": {"restUrl": "%s", "streamUrl": "%s", "wsApiUrl": "%s"}},
                 "symbol": "ETHUSDT", "timeframe": "5m",
                 "strategy": {"name": "%s", "params": %s},
                 "risk": {"max-drawdown": 0.5}, "sizing": {"fractionOfEquity": 0.5},
                 "engine": {"staleAfter": "PT8760H"},
                 "store": {"path": "state/bot.db"}, "out": "reports"}""".formatted(sim.restUrl, sim.streamUrl, sim.wsApiUrl, strategy, params);
    }

    private static Process startBot(Path home, Simulator sim) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TradeKitCli.class.getName(), "live", "--config", "bot.json", "--yes-really-live");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("bot.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("bot.err").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("TRADEKIT_"));
        pb.environment().put("TRADEKIT_BINANCE_API_KEY", sim.apiKey);
        pb.environment().put("TRADEKIT_BINANCE_API_SECRET", sim.apiSecret);
        return pb.start();
    }

    private static Process killed(Process bot) throws InterruptedException {
        bot.destroyForcibly(); // SIGKILL: no shutdown hook, no snapshot, no flush
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return bot;
    }

    /**
     * Waits until the bot has marked the bar closing at {@code close} as acted on, has no order unanswered, and has journaled
     * every fill the venue made, twice in a row (an answer may be on its way between two looks).
     */
    private static void awaitIdle(Process bot, Path journal, Simulator sim, String close) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        int quiet = 0;
        String seen = "";
        while (quiet < 2) {
            assertThat(bot.isAlive()).as("the bot is running; its errors: %s", errors(journal)).isTrue();
            assertThat(System.nanoTime() < deadline).as("the bot idle after the bar closing %s; last seen %s; its errors: %s", close, seen,
                    errors(journal)).isTrue();
            int venueTrades = sim.trades();
            Progress p = Progress.of(journal);
            seen = p + ", venue trades " + venueTrades;
            quiet = p != null && close.equals(p.mark) && p.unanswered == 0 && p.fills == venueTrades ? quiet + 1 : 0;
            Thread.sleep(quiet > 0 ? 150 : 20);
        }
    }

    /** Waits a little for the bot to journal a fill of this step (a step may fill nothing); returns what it saw. */
    private static String awaitFill(Process bot, Path journal) throws Exception {
        Progress before = Progress.of(journal);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (bot.isAlive() && System.nanoTime() < deadline) {
            Progress p = Progress.of(journal);
            if (p != null && before != null && p.fills > before.fills) return "its fill " + p.fills;
            Thread.sleep(2);
        }
        return "no fill";
    }

    /** Waits until the bot has journaled every fill the venue made and has no order unanswered, twice in a row. */
    private static void awaitAnswered(Process bot, Path journal, Simulator sim) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        int quiet = 0;
        while (quiet < 2) {
            assertThat(bot.isAlive()).as("the bot is running; its errors: %s", errors(journal)).isTrue();
            assertThat(System.nanoTime() < deadline).as("the bot answered the step's fills; its errors: %s", errors(journal)).isTrue();
            int venueTrades = sim.trades();
            Progress p = Progress.of(journal);
            quiet = p != null && p.unanswered == 0 && p.fills == venueTrades ? quiet + 1 : 0;
            Thread.sleep(quiet > 0 ? 100 : 20);
        }
    }

    /** What the bot's journal shows, read-only (so that the reader never checkpoints the log the bot writes). */
    private record Progress(String mark, int unanswered, int fills) {
        static Progress of(Path journal) {
            if (!Files.exists(journal)) return null;
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5_000);
            try (Connection c = config.createConnection("jdbc:sqlite:" + journal)) {
                String mark = null;
                try (ResultSet rs = c.createStatement().executeQuery("SELECT value FROM config WHERE key = 'bot.lastBarActedOn'")) {
                    if (rs.next()) mark = rs.getString(1);
                }
                int unanswered;
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders WHERE status IN ('PENDING_NEW', 'UNKNOWN')")) {
                    rs.next();
                    unanswered = rs.getInt(1);
                }
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM fills")) {
                    rs.next();
                    return new Progress(mark, unanswered, rs.getInt(1));
                }
            } catch (SQLException e) {
                return null; // the bot is creating or migrating the file: look again
            }
        }
    }

    /** The journal's fills in the order it recorded them: side, price, quantity and the client order id. */
    private static List<String> fills(Path journal) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> out = new ArrayList<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + journal);
             ResultSet rs = c.createStatement().executeQuery("SELECT side, price, quantity, client_order_id FROM fills ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + new java.math.BigDecimal(rs.getString(2)).stripTrailingZeros().toPlainString() + " "
                        + new java.math.BigDecimal(rs.getString(3)).stripTrailingZeros().toPlainString() + " " + rs.getString(4));
            }
        }
        return out;
    }

    private static String errors(Path journal) {
        try {
            Path err = journal.getParent().resolveSibling("bot.err");
            String text = Files.exists(err) ? Files.readString(err) : "";
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A {@code simulate binance --steps stdin} process: its banner read, then commands on its input and answers on its output. */
    private static final class Simulator implements AutoCloseable {
        private final Process process;
        private final BufferedReader answers;
        private final Writer commands;
        final String restUrl;
        final String streamUrl;
        final String wsApiUrl;
        final String apiKey;
        final String apiSecret;
        String lastClose;

        private Simulator(Process process, BufferedReader answers, String banner) {
            this.process = process;
            this.answers = answers;
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.restUrl = field(banner, "restUrl");
            this.streamUrl = field(banner, "streamUrl");
            this.wsApiUrl = field(banner, "wsApiUrl");
            this.apiKey = field(banner, "apiKey");
            this.apiSecret = field(banner, "apiSecret");
        }

        static Simulator start(Path home) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    TradeKitCli.class.getName(), "simulate", "binance", "--data", "eth-usd-5m", "--port", "0", "--steps", "stdin",
                    "--initial-bars", "100");
            Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("sim.err").toFile()))
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder banner = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                banner.append(line).append('\n');
                if (line.startsWith("stepping on command")) break;
            }
            assertThat(banner.toString()).as("the simulator's banner").contains("stepping on command");
            Simulator sim = new Simulator(p, out, banner.toString());
            String last = out.readLine();
            assertThat(last).as("the simulator's last bar before the first step").startsWith("last bar closed ");
            // The newest bar of the klines history: the one the bot acts on first.
            sim.lastClose = last.substring("last bar closed ".length());
            return sim;
        }

        /** Fills the next bar's resting orders; its close waits for {@link #closeBar}. */
        void fill() throws IOException {
            assertThat(ask("fill")).as("a bar filled").startsWith("filled ");
        }

        String closeBar() throws IOException {
            String answer = ask("close");
            assertThat(answer).as("a bar closed").startsWith("closed ");
            lastClose = answer.substring("closed ".length());
            return lastClose;
        }

        String step() throws IOException {
            String answer = ask("step");
            assertThat(answer).as("a bar closed").startsWith("closed ");
            lastClose = answer.substring("closed ".length());
            return lastClose;
        }

        int trades() throws IOException {
            return Integer.parseInt(ask("trades").substring("trades ".length()));
        }

        Map<String, Integer> newOrderRequests() throws IOException {
            String answer = ask("orders");
            assertThat(answer).startsWith("new-order requests ");
            return new ObjectMapper().readValue(answer.substring("new-order requests ".length()),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Integer>>() { });
        }

        private synchronized String ask(String command) throws IOException {
            commands.write(command + "\n");
            commands.flush();
            String answer = answers.readLine();
            assertThat(answer).as("the simulator's answer to '%s'", command).isNotNull();
            return answer;
        }

        private static String field(String text, String name) {
            Matcher m = Pattern.compile("^  " + name + " +(\\S+)", Pattern.MULTILINE).matcher(text);
            assertThat(m.find()).as(name + " printed").isTrue();
            return m.group(1);
        }

        @Override
        public void close() throws Exception {
            try {
                commands.close(); // its input ends: the simulator closes and exits
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
