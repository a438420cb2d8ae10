package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.examples.cli.ServeCommand;
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

/**
 * {@code tradekit serve} as the README shows it: a fleet of two paper bots on the Binance simulator (loopback),
 * logged into over HTTP, both running and listed; stopping the command stops both and writes their reports.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesAFleetOfTwoPaperBotsOnTheSimulatorAndStopsThemWithTheirReports() throws Exception {
        try (BinanceOnLoopback venue = new BinanceOnLoopback(0, 140, 100, true)) {
            for (String name : List.of("eth-a", "eth-b")) {
                Files.writeString(dir.resolve(name + ".json"), venue.config(name, dir.resolve(name), "sma-cross", Map.of(), Map.of()));
            }
            Files.writeString(dir.resolve("fleet.json"), """
                    {"server": {"port": 0},
                     "users": [{"name": "ana", "tenant": "desk", "role": "admin", "passwordEnv": "TRADEKIT_PASSWORD_ANA"}],
                     "bots": [{"config": "eth-a.json", "mode": "paper", "tenant": "desk"},
                              {"config": "eth-b.json", "mode": "paper", "tenant": "desk"}]}
                    """);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            ServeCommand serve = new ServeCommand(dir, Map.of("TRADEKIT_PASSWORD_ANA", "a long test password"));
            AtomicInteger exit = new AtomicInteger(-1);
            Thread running = Thread.ofPlatform().name("serve").start(() -> exit.set(serve.run(List.of("--config", "fleet.json"), terminal)));

            Pattern url = Pattern.compile("control plane on (http://\\S+/)");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!url.matcher(out.toString(StandardCharsets.UTF_8)).find() && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            String base = m.group(1);

            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "api/auth/login")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ana\",\"password\":\"a long test password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String token = json.readTree(login.body()).path("token").asText();
            JsonNode bots = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/bots")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body()).path("bots");
            assertThat(bots).hasSize(2);
            for (JsonNode b : bots) {
                assertThat(b.path("status").asText()).isEqualTo("RUNNING");
                assertThat(b.path("mode").asText()).isEqualTo("paper");
                assertThat(b.path("venue").asText()).isEqualTo("binance");
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("a long test password");

            running.interrupt();
            running.join(Duration.ofSeconds(60));
            assertThat(exit.get()).isZero();
            for (String name : List.of("eth-a", "eth-b")) {
                assertThat(dir.resolve(name).resolve("out").resolve("paper").resolve("summary.json")).exists();
            }
        }
    }
}
