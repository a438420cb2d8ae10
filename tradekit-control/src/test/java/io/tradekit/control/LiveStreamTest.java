package io.tradekit.control;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket over a real loopback socket with the JDK's client: snapshot first, then the stream; bad tokens are shut out. */
class LiveStreamTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    static ControlPlane plane;
    static Thread feeder;

    @BeforeAll
    static void start() {
        plane = ControlPlane.builder().port(0).sampleEvery(Duration.ofMillis(100)).passwordIterations(1_000)
                .user("otto", "desk", Role.OPERATOR, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("eve", "other", Role.ADMIN, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .bot(FedPaperBot.spec("live-bot", "desk", dir))
                .start();
        feeder = FedPaperBot.feeder(plane.fleet(), "live-bot", 50, 7);
    }

    @AfterAll
    static void stop() {
        feeder.interrupt();
        plane.close();
    }

    /** A client that queues what it hears: each text message, and the close code as {"closed": code}. */
    static final class Listener implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(ApiClient.MAPPER.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            messages.add(ApiClient.MAPPER.createObjectNode().put("closed", code));
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = messages.poll(30, TimeUnit.SECONDS);
            assertThat(m).as("a message within 30 s").isNotNull();
            return m;
        }

        JsonNode nextOfType(String type) throws InterruptedException {
            while (true) {
                JsonNode m = next();
                if (m.path("type").asText().equals(type) || m.has("closed")) return m;
            }
        }
    }

    private static WebSocket connect(Listener listener) {
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + plane.port() + "/api/stream"), listener).join();
    }

    private static void auth(WebSocket ws, String token) {
        ws.sendText(ApiClient.MAPPER.createObjectNode().put("type", "auth").put("token", token).toString(), true).join();
    }

    @Test
    void aClientGetsASnapshotThenLiveEquityAndGetsAFreshSnapshotWhenItReconnects() throws Exception {
        String token = new ApiClient(plane).login("otto", PASSWORD);
        for (int connection = 0; connection < 2; connection++) {
            Listener l = new Listener();
            WebSocket ws = connect(l);
            auth(ws, token);
            JsonNode first = l.next();
            assertThat(first.path("type").asText()).isEqualTo("snapshot");
            assertThat(first.path("bots").get(0).path("id").asText()).isEqualTo("live-bot");
            JsonNode a = l.nextOfType("equity");
            JsonNode b = l.nextOfType("equity");
            assertThat(a.path("bot").asText()).isEqualTo("live-bot");
            assertThat(Instant(b)).isAfter(Instant(a));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private static java.time.Instant Instant(JsonNode equityMessage) {
        return java.time.Instant.parse(equityMessage.path("point").path("time").asText());
    }

    @Test
    void statesChangesReachTheStreamWithTheActor() throws Exception {
        ApiClient api = new ApiClient(plane);
        String token = api.login("otto", PASSWORD);
        Listener l = new Listener();
        WebSocket ws = connect(l);
        auth(ws, token);
        assertThat(l.next().path("type").asText()).isEqualTo("snapshot");
        assertThat(api.post("/api/bots/live-bot/pause", token, Map.of("reason", "stream test")).status()).isEqualTo(200);
        JsonNode state = l.nextOfType("state");
        assertThat(state.path("to").asText()).isEqualTo("PAUSED");
        assertThat(state.path("actor").asText()).isEqualTo("otto");
        assertThat(api.post("/api/bots/live-bot/resume", token, Map.of("reason", "stream test")).status()).isEqualTo(200);
        assertThat(l.nextOfType("state").path("to").asText()).isEqualTo("RUNNING");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aBadOrRevokedTokenIsShutOutAndAnotherTenantHearsNothingOfTheBot() throws Exception {
        Listener bad = new Listener();
        auth(connect(bad), "not-a-token");
        assertThat(bad.next().path("closed").asInt()).isEqualTo(4401);

        ApiClient api = new ApiClient(plane);
        String eve = api.login("eve", PASSWORD);
        Listener other = new Listener();
        auth(connect(other), eve);
        JsonNode snapshot = other.next();
        assertThat(snapshot.path("bots")).isEmpty();
        assertThat(other.messages.poll(1, TimeUnit.SECONDS)).as("nothing of another tenant's bot").isNull();

        String token = api.login("otto", PASSWORD);
        Listener revoked = new Listener();
        auth(connect(revoked), token);
        assertThat(revoked.next().path("type").asText()).isEqualTo("snapshot");
        assertThat(api.post("/api/auth/logout", token, Map.of()).status()).isEqualTo(200);
        assertThat(revoked.nextOfType("never").path("closed").asInt()).isEqualTo(4401);
        assertThat(api.get("/api/bots", token).status()).isEqualTo(401);
    }
}
