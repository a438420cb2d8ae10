package io.tradekit.kraken.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.kraken.internal.KrakenSigner;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's own checks, driven by hand-made requests: keys, signatures, nonces, the call counter, tokens, pings. */
class KrakenSimulatorProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode post(SimulatedKraken k, String path, String body, String key, String sign) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(k.sim.restUrl() + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (key != null) r.header("API-Key", key);
        if (sign != null) r.header("API-Sign", sign);
        return JSON.readTree(http.send(r.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode signed(SimulatedKraken k, String path, long nonce, String rest) throws Exception {
        String body = "nonce=" + nonce + rest;
        return post(k, path, body, k.credentials.apiKey(), new KrakenSigner(k.credentials.secret()).sign(path, Long.toString(nonce), body));
    }

    @Test
    void privateCallsNeedTheKeyASignatureOverTheExactBodyAndARisingNonce() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            assertThat(signed(k, "/0/private/BalanceEx", 100, "").path("error")).isEmpty();
            assertThat(signed(k, "/0/private/BalanceEx", 100, "").path("error").get(0).asText()).isEqualTo("EAPI:Invalid nonce");
            assertThat(signed(k, "/0/private/BalanceEx", 99, "").path("error").get(0).asText()).isEqualTo("EAPI:Invalid nonce");
            assertThat(post(k, "/0/private/BalanceEx", "nonce=200", "someone-else", "AAAA").path("error").get(0).asText())
                    .isEqualTo("EAPI:Invalid key");
            String signedBody = "nonce=300&asset=ZUSD";
            String sign = new KrakenSigner(k.credentials.secret()).sign("/0/private/BalanceEx", "300", signedBody);
            assertThat(post(k, "/0/private/BalanceEx", "nonce=300&asset=XETH", k.credentials.apiKey(), sign).path("error").get(0).asText())
                    .as("a body changed after signing").isEqualTo("EAPI:Invalid signature");
            assertThat(signed(k, "/0/private/BalanceEx", 400, "").path("result").path("ZUSD").path("balance").asText()).startsWith("10000");
        }
    }

    @Test
    void whenTheDeadMansSwitchRunsOutEveryOpenOrderIsCancelled() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            assertThat(signed(k, "/0/private/AddOrder", 1, "&ordertype=limit&type=buy&volume=0.5&pair=ETHUSD&price=80.00&cl_ord_id=dms-1")
                    .path("error")).isEmpty();
            JsonNode armed = signed(k, "/0/private/CancelAllOrdersAfter", 2, "&timeout=1").path("result");
            assertThat(armed.path("triggerTime").asText()).isNotEqualTo("0");

            SimulatedKraken.awaitTrue("the countdown cancelled the order",
                    () -> k.sim.orders().stream().allMatch(o -> o.status() == io.tradekit.api.OrderStatus.CANCELED));
            assertThat(k.sim.deadMansSwitchArmed()).isFalse();
        }
    }

    @Test
    void theKeysCallCounterRefusesBeyondItsMaximum() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5, o -> o.withCounter(3, 0.01))) {
            for (int i = 1; i <= 3; i++) assertThat(signed(k, "/0/private/OpenOrders", i, "").path("error")).isEmpty();

            assertThat(signed(k, "/0/private/OpenOrders", 4, "").path("error").get(0).asText()).isEqualTo("EAPI:Rate limit exceeded");
        }
    }

    @Test
    void executionsNeedATokenFromRestAndPingsArePonged() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            String token = signed(k, "/0/private/GetWebSocketsToken", 1, "").path("result").path("token").asText();
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            WebSocketClient ws = new WebSocketClient(URI.create(k.sim.wsAuthUrl())) {
                public void onOpen(ServerHandshake h) { }
                public void onMessage(String m) { frames.add(m); }
                public void onClose(int c, String r, boolean remote) { }
                public void onError(Exception e) { }
            };
            assertThat(ws.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            try {
                ws.send("{\"method\":\"ping\",\"req_id\":7}");
                JsonNode pong = JSON.readTree(frames.poll(5, TimeUnit.SECONDS));
                assertThat(pong.path("method").asText()).isEqualTo("pong");
                assertThat(pong.path("req_id").asInt()).isEqualTo(7);

                ws.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"token\":\"forged\"},\"req_id\":8}");
                JsonNode refused = JSON.readTree(frames.poll(5, TimeUnit.SECONDS));
                assertThat(refused.path("success").asBoolean()).isFalse();

                ws.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"token\":\"" + token + "\",\"snap_orders\":true},\"req_id\":9}");
                JsonNode accepted = JSON.readTree(frames.poll(5, TimeUnit.SECONDS));
                assertThat(accepted.path("success").asBoolean()).isTrue();
                assertThat(accepted.path("req_id").asInt()).isEqualTo(9);
                JsonNode snapshot = JSON.readTree(frames.poll(5, TimeUnit.SECONDS));
                assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
                assertThat(snapshot.path("data")).isEmpty();
                JsonNode heartbeat = JSON.readTree(frames.poll(5, TimeUnit.SECONDS));
                assertThat(heartbeat.path("channel").asText()).isEqualTo("heartbeat");
            } finally {
                ws.closeBlocking();
            }
        }
    }

    private HttpResponse<String> time(SimulatedKraken k) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(k.sim.restUrl() + "/0/public/Time")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket handshake by the JDK's client (not the adapter's): its HTTP status, 101 when it opened. */
    private int handshake(SimulatedKraken k) {
        try {
            http.newWebSocketBuilder().buildAsync(URI.create(k.sim.wsUrl()), new java.net.http.WebSocket.Listener() { })
                    .get(5, TimeUnit.SECONDS).abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw new AssertionError("handshake failed without an HTTP answer", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whileRefusingTheEdgeAnswersRestAndHandshakesWithItsStatusAndRetryAfter() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            int before = k.sim.streamConnectionAttempts();
            k.sim.refuseConnections(429, java.time.Duration.ofSeconds(2));

            HttpResponse<String> refused = time(k);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("2");
            assertThat(handshake(k)).as("a WebSocket handshake while refused").isEqualTo(429);
            k.sim.refuseConnections(503, java.time.Duration.ZERO);
            assertThat(time(k).statusCode()).isEqualTo(503);
            assertThat(time(k).headers().firstValue("Retry-After")).isEmpty();

            k.sim.acceptConnections();
            assertThat(time(k).statusCode()).isEqualTo(200);
            assertThat(handshake(k)).as("a WebSocket handshake once accepted again").isEqualTo(101);
            assertThat(k.sim.streamConnectionAttempts() - before).as("handshakes counted, the refused one included").isEqualTo(2);
        }
    }

    @Test
    void aThrottledRequestIsRefusedUnprocessedAndToldWhenToComeBack() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            k.sim.throttleNext(java.time.Duration.ofSeconds(30));
            long now = System.currentTimeMillis() / 1000;
            String error = signed(k, "/0/private/AddOrder", 1, "&ordertype=limit&type=buy&volume=0.5&pair=ETHUSD&price=80.00&cl_ord_id=thr-1")
                    .path("error").get(0).asText();
            assertThat(error).startsWith("EService:Throttled: ");
            assertThat(Long.parseLong(error.substring("EService:Throttled: ".length()))).isBetween(now + 29, now + 32);
            assertThat(k.sim.orders()).as("nothing placed").isEmpty();
            assertThat(signed(k, "/0/private/BalanceEx", 2, "").path("error")).as("only the next request").isEmpty();
        }
    }

    @Test
    void aSkewedVenueClockShowsInItsTime() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            k.sim.skewClock(java.time.Duration.ofMinutes(-10));
            long venue = JSON.readTree(time(k).body()).path("result").path("unixtime").asLong();
            assertThat(System.currentTimeMillis() / 1000 - venue).isBetween(598L, 602L);
        }
    }
}
