package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.examples.cli.PaperCommand;
import io.tradekit.examples.cli.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tradekit paper --dashboard --port 0}: the running session's bot is on a loopback dashboard until the run ends. */
class SessionDashboardTest {

    @TempDir
    Path dir;

    @Test
    void aPaperSessionWithDashboardServesItsBotUntilTheRunEnds() throws Exception {
        try (BinanceOnLoopback venue = new BinanceOnLoopback(0, 140, 100, true)) {
            Files.writeString(dir.resolve("bot.json"), venue.config("eth-dash", dir, "sma-cross", Map.of(), Map.of()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            AtomicInteger exit = new AtomicInteger(-1);
            Thread running = Thread.ofPlatform().name("paper").start(() -> exit.set(new PaperCommand(dir, Map.of())
                    .run(List.of("--config", "bot.json", "--dashboard", "--port", "0", "--bars", "2"), terminal)));

            Pattern url = Pattern.compile("dashboard on (http://\\S+/)");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!url.matcher(out.toString(StandardCharsets.UTF_8)).find() && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/bots"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode bot = new ObjectMapper().readTree(r.body()).path("bots").get(0);
            assertThat(bot.path("id").asText()).isEqualTo("eth-dash");
            assertThat(bot.path("status").asText()).isEqualTo("RUNNING");

            while (running.isAlive() && venue.sim.step()) {
                running.join(Duration.ofMillis(500));
            }
            running.join(Duration.ofSeconds(60));
            assertThat(exit.get()).isZero();
            assertThat(dir.resolve("out").resolve("paper").resolve("summary.json")).exists();
        }
    }
}
