package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tradekit simulate binance|bybit} and {@code tradekit live --config} as their own processes, talking over
 * real sockets: the simulator prints where it listens and the test key and secret it accepts; the live
 * bot, given the credentials in its environment only, trades against it, and neither the key nor the
 * secret appears in anything the bot wrote: its stdout and stderr, its report, its SQLite journal.
 */
class ProcessModesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process start(Path out, Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TradeKitCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TRADEKIT_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String awaitLine(Path file, String marker, Process process) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (text.contains(marker)) return text;
            if (!process.isAlive()) throw new AssertionError("the process ended (" + process.exitValue() + ") before printing '" + marker + "': " + text);
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + marker + "' within " + WAIT + " in " + file);
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("^  " + name + " +(\\S+)", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(name + " printed").isTrue();
        return m.group(1);
    }

    @Test
    void aLiveBotProcessTradesAgainstASimulatorProcessAndNoSecretReachesItsOutputs() throws Exception {
        Path simOut = dir.resolve("simulator.out");
        Process simulator = start(simOut, Map.of(), "simulate", "binance", "--data", "eth-usd-5m", "--port", "0", "--step-ms", "150",
                "--initial-bars", "100");
        try {
            String banner = awaitLine(simOut, "running until killed", simulator);
            String rest = field(banner, "restUrl");
            String apiKey = field(banner, "apiKey");
            String secret = field(banner, "apiSecret");
            assertThat(banner).contains("export TRADEKIT_BINANCE_API_SECRET=" + secret);
            Path bot = dir.resolve("bot");
            Files.createDirectories(bot);
            Files.writeString(bot.resolve("bot.json"), """
                    {"name": "eth-live",
                     "exchange": {"name": "binance", "settings": {"restUrl": "%s", "streamUrl": "%s", "wsApiUrl": "%s"}},
                     "symbol": "ETHUSDT", "timeframe": "5m",
                     "strategy": {"name": "sma-cross", "params": {"fast": 2, "slow": 5}},
                     "risk": {"max-drawdown": 0.2}, "sizing": {"fractionOfEquity": 0.5},
                     "store": {"path": "bot/state/live.db"}, "out": "bot/reports"}""".formatted(rest, field(banner, "streamUrl"), field(banner, "wsApiUrl")));

            Path liveOut = bot.resolve("live.out");
            Process live = start(liveOut, Map.of("TRADEKIT_BINANCE_API_KEY", apiKey, "TRADEKIT_BINANCE_API_SECRET", secret),
                    "live", "--config", "bot/bot.json", "--bars", "10", "--for", "PT45S", "--yes-really-live");
            boolean ended = live.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) live.destroyForcibly();

            String stdout = Files.readString(liveOut);
            assertThat(ended).as("the live bot stopped after its bars").isTrue();
            assertThat(live.exitValue()).as(stdout + Files.readString(bot.resolve("live.out.err"))).isZero();
            assertThat(stdout).contains("live sma-cross on ETHUSDT 5m (binance): starting").contains("state       STARTING -> RUNNING")
                    .contains("live sma-cross on ETHUSDT 5m (binance)\n");
            var summary = new ObjectMapper().readTree(bot.resolve("reports/live/summary.json").toFile());
            assertThat(summary.get("bars").asInt()).isGreaterThanOrEqualTo(10);
            assertThat(bot.resolve("state/live.db")).exists();

            List<Path> outputs;
            try (Stream<Path> files = Files.walk(bot)) {
                outputs = files.filter(Files::isRegularFile).toList();
            }
            assertThat(outputs).as("stdout, stderr, the report and the journal were all written")
                    .contains(liveOut, bot.resolve("live.out.err"), bot.resolve("reports/live/report.html"), bot.resolve("state/live.db"));
            for (Path file : outputs) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file + " holds no secret").doesNotContain(secret).doesNotContain(apiKey);
            }
        } finally {
            simulator.destroy();
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) simulator.destroyForcibly();
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(regex + " printed in:\n" + text).isTrue();
        return m.group(1);
    }

    @Test
    void aLiveBotConfiguredFromTheBybitSimulatorsBannerTradesAndKeepsTheSecret() throws Exception {
        liveBotFromTheBybitBanner("spot");
    }

    /** The same session on linear: the banner's fragment sets the category, "market": "perp" and a leverage, and the bot runs on it. */
    @Test
    void aLinearLiveBotConfiguredFromTheBybitSimulatorsBannerTradesAndKeepsTheSecret() throws Exception {
        liveBotFromTheBybitBanner("linear");
    }

    private void liveBotFromTheBybitBanner(String category) throws Exception {
        Path simOut = dir.resolve("simulator.out");
        Process simulator = start(simOut, Map.of(), "simulate", "bybit", "--category", category, "--data", "eth-usd-5m", "--port", "0",
                "--step-ms", "150", "--initial-bars", "100");
        try {
            String banner = awaitLine(simOut, "running until killed", simulator);
            assertThat(banner).startsWith("bybit simulator on port ");
            String apiKey = group(banner, "^  apiKey +(\\S+)");
            String secret = group(banner, "^  apiSecret +(\\S+)");
            assertThat(group(banner, "^  restUrl +(\\S+)")).startsWith("http://127.0.0.1:");
            assertThat(group(banner, "^  publicStreamUrl +(\\S+)")).endsWith("/v5/public/" + category);
            assertThat(group(banner, "^  privateStreamUrl +(\\S+)")).endsWith("/v5/private");
            String fragment = group(banner, "^in the bot's configuration:\\n  (.+)$");
            assertThat(fragment).startsWith("\"exchange\": {\"name\": \"bybit\", \"settings\": {\"category\": \"" + category + "\", ");
            if (category.equals("linear")) assertThat(fragment).endsWith(", \"market\": \"perp\", \"leverage\": 3");
            Map<String, String> env = new HashMap<>();
            env.put(group(banner, "^  export (TRADEKIT_BYBIT_API_KEY)="), group(banner, "^  export TRADEKIT_BYBIT_API_KEY=(\\S+)$"));
            env.put(group(banner, "^  export (TRADEKIT_BYBIT_API_SECRET)="), group(banner, "^  export TRADEKIT_BYBIT_API_SECRET=(\\S+)$"));
            assertThat(env).containsEntry("TRADEKIT_BYBIT_API_KEY", apiKey).containsEntry("TRADEKIT_BYBIT_API_SECRET", secret);

            Path bot = dir.resolve("bot");
            Files.createDirectories(bot);
            Files.writeString(bot.resolve("bot.json"), """
                    {"name": "eth-bybit", %s,
                     "strategy": {"name": "sma-cross", "params": {"fast": 2, "slow": 5}},
                     "risk": {"max-drawdown": 0.2}, "sizing": {"fractionOfEquity": 0.5},
                     "store": {"path": "bot/state/live.db"}, "out": "bot/reports"}""".formatted(fragment));
            Path liveOut = bot.resolve("live.out");
            Process live = start(liveOut, env, "live", "--config", "bot/bot.json", "--bars", "10", "--for", "PT45S", "--yes-really-live");
            boolean ended = live.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) live.destroyForcibly();

            String stdout = Files.readString(liveOut);
            assertThat(ended).as("the live bot stopped after its bars").isTrue();
            assertThat(live.exitValue()).as(stdout + Files.readString(bot.resolve("live.out.err"))).isZero();
            assertThat(stdout).contains("live sma-cross on ETHUSDT 5m (bybit): starting").contains("state       STARTING -> RUNNING");
            var summary = new ObjectMapper().readTree(bot.resolve("reports/live/summary.json").toFile());
            assertThat(summary.get("bars").asInt()).isGreaterThanOrEqualTo(10);

            List<Path> outputs;
            try (Stream<Path> files = Files.walk(bot)) {
                outputs = files.filter(Files::isRegularFile).toList();
            }
            assertThat(outputs).contains(liveOut, bot.resolve("state/live.db"));
            for (Path file : outputs) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file + " holds no secret").doesNotContain(secret).doesNotContain(apiKey);
            }
        } finally {
            simulator.destroy();
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) simulator.destroyForcibly();
        }
    }
}
