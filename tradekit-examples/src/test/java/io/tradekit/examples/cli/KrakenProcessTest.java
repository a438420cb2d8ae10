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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tradekit simulate kraken} and {@code tradekit live --config} with {@code "exchange": {"name": "kraken"}}
 * as their own processes over real sockets: the simulator prints the block a user copies, the bot trades
 * sma-cross against it with the credentials from its environment only, and no secret reaches its outputs.
 */
class KrakenProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

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
    void aLiveSmaCrossBotProcessTradesAgainstTheKrakenSimulatorProcess() throws Exception {
        Path simOut = dir.resolve("simulator.out");
        Process simulator = start(simOut, Map.of(), "simulate", "kraken", "--data", "eth-usd-5m", "--port", "0", "--step-ms", "150",
                "--initial-bars", "100");
        try {
            String banner = awaitLine(simOut, "running until killed", simulator);
            String apiKey = field(banner, "apiKey");
            String secret = field(banner, "apiSecret");
            assertThat(banner).contains("\"exchange\": {\"name\": \"kraken\"", "\"symbol\": \"ETHUSD\"",
                    "export TRADEKIT_KRAKEN_API_KEY=" + apiKey, "export TRADEKIT_KRAKEN_API_SECRET=" + secret);
            Path bot = dir.resolve("bot");
            Files.createDirectories(bot);
            Files.writeString(bot.resolve("bot.json"), """
                    {"name": "eth-kraken",
                     "exchange": {"name": "kraken", "settings": {"restUrl": "%s", "wsUrl": "%s", "wsAuthUrl": "%s", "nonceFile": "bot/state/nonce"}},
                     "symbol": "ETHUSD", "timeframe": "5m",
                     "strategy": {"name": "sma-cross", "params": {"fast": 2, "slow": 5}},
                     "risk": {"max-drawdown": 0.2}, "sizing": {"fractionOfEquity": 0.5},
                     "store": {"path": "bot/state/live.db"}, "out": "bot/reports"}"""
                    .formatted(field(banner, "restUrl"), field(banner, "wsUrl"), field(banner, "wsAuthUrl")));

            Path liveOut = bot.resolve("live.out");
            Process live = start(liveOut, Map.of("TRADEKIT_KRAKEN_API_KEY", apiKey, "TRADEKIT_KRAKEN_API_SECRET", secret),
                    "live", "--config", "bot/bot.json", "--bars", "10", "--for", "PT45S", "--yes-really-live");
            boolean ended = live.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) live.destroyForcibly();

            String stdout = Files.readString(liveOut);
            assertThat(ended).as("the live bot stopped after its bars").isTrue();
            assertThat(live.exitValue()).as(stdout + Files.readString(bot.resolve("live.out.err"))).isZero();
            assertThat(stdout).contains("live sma-cross on ETHUSD 5m (kraken): starting").contains("state       STARTING -> RUNNING");
            var summary = new ObjectMapper().readTree(bot.resolve("reports/live/summary.json").toFile());
            assertThat(summary.get("bars").asInt()).isGreaterThanOrEqualTo(10);

            List<Path> outputs;
            try (Stream<Path> files = Files.walk(bot)) {
                outputs = files.filter(Files::isRegularFile).toList();
            }
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
