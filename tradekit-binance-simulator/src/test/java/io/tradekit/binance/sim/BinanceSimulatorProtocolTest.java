package io.tradekit.binance.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's wire protocol seen from a plain client, without the adapter. */
class BinanceSimulatorProtocolTest {

    private BinanceSimulator sim;

    /** Five one-minute BTCUSDT bars from 2024-05-01T00:00Z, closing at 100, 101, ... */
    static final class TestData {
        static List<Bar> bars() {
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                BigDecimal p = BigDecimal.valueOf(100 + i);
                bars.add(new Bar("BTCUSDT", Timeframe.M1, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(60L * i), p, p.add(BigDecimal.ONE),
                        p.subtract(BigDecimal.ONE), p, BigDecimal.TEN));
            }
            return bars;
        }
    }

    @BeforeEach
    void start() {
        sim = BinanceSimulator.start(0, TestData.bars());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A bare WebSocket client that queues what it receives. */
    static final class Client extends WebSocketClient {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        Client(String uri) throws InterruptedException {
            super(URI.create(uri));
            assertThat(connectBlocking(5, TimeUnit.SECONDS)).isTrue();
        }

        String next() throws InterruptedException {
            String text = received.poll(5, TimeUnit.SECONDS);
            assertThat(text).as("a frame within 5 s").isNotNull();
            return text;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            received.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
    }

    @Test
    void rawStreamsSendBareEventsAndAnswerSubscribeAndListRequests() throws Exception {
        Client client = new Client(sim.streamUrl() + "/ws/btcusdt@kline_1m");
        try {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\"],\"id\":7}");
            assertThat(client.next()).isEqualTo("{\"result\":null,\"id\":7}");
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
            assertThat(client.next()).isEqualTo("{\"result\":[\"btcusdt@bookTicker\",\"btcusdt@kline_1m\"],\"id\":8}");
            sim.step();
            assertThat(client.next()).startsWith("{\"e\":\"kline\",").contains("\"x\":false");
            assertThat(client.next()).startsWith("{\"e\":\"kline\",").contains("\"x\":true").contains("\"t\":1714521660000");
            assertThat(client.next()).startsWith("{\"u\":").contains("\"s\":\"BTCUSDT\",\"b\":\"101.00000000\"");
        } finally {
            client.closeBlocking();
        }
    }

    @Test
    void theWebSocketApiChecksTheSubscriptionSignatureAndPushesExecutionReports() throws Exception {
        Client client = new Client(sim.wsApiUrl());
        try {
            Map<String, String> params = new TreeMap<>(Map.of("apiKey", sim.credentials().apiKey(), "timestamp", Long.toString(System.currentTimeMillis())));
            String wrong = hmac("wrong secret", "apiKey=" + params.get("apiKey") + "&timestamp=" + params.get("timestamp"));
            client.send("{\"id\":\"a\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" + params.get("apiKey")
                    + "\",\"timestamp\":" + params.get("timestamp") + ",\"signature\":\"" + wrong + "\"}}");
            assertThat(client.next()).isEqualTo("{\"id\":\"a\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}");

            String right = hmac(BinanceSimulator.TEST_CREDENTIALS.secret(), "apiKey=" + params.get("apiKey") + "&timestamp=" + params.get("timestamp"));
            client.send("{\"id\":\"b\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" + params.get("apiKey")
                    + "\",\"timestamp\":" + params.get("timestamp") + ",\"signature\":\"" + right + "\"}}");
            assertThat(client.next()).isEqualTo("{\"id\":\"b\",\"status\":200,\"result\":{\"subscriptionId\":0}}");

            placeMarketBuy(sim.credentials());
            assertThat(client.next()).startsWith("{\"subscriptionId\":0,\"event\":{\"e\":\"executionReport\"").contains("\"x\":\"NEW\"");
            assertThat(client.next()).contains("\"x\":\"TRADE\",\"X\":\"FILLED\"").contains("\"c\":\"proto-1\"");
        } finally {
            client.closeBlocking();
        }
    }

    private void placeMarketBuy(Credentials credentials) throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1&newClientOrderId=proto-1&recvWindow=5000&timestamp=" + System.currentTimeMillis();
        String signature = hmac(credentials.secret(), query);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/order"))
                .header("X-MBX-APIKEY", credentials.apiKey()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query + "&signature=" + signature)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-MBX-ORDER-COUNT-10S")).contains("1");
        assertThat(response.body()).contains("\"clientOrderId\":\"proto-1\"").contains("\"status\":\"FILLED\"").contains("\"fills\":[{");
    }

    /** A client's HMAC-SHA256 in lowercase hex, written out here so the test shares no code with either side. */
    static String hmac(String secret, String payload) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theWebSocketApiPlacesOrdersSignedOverSortedRawParametersAndRefusesLogonForAnHmacKey() throws Exception {
        Client client = new Client(sim.wsApiUrl());
        try {
            String timestamp = Long.toString(System.currentTimeMillis());
            String apiKey = sim.credentials().apiKey();
            // sorted by name, raw values: apiKey, newClientOrderId, price, quantity, side, symbol, timeInForce, timestamp, type
            String payload = "apiKey=" + apiKey + "&newClientOrderId=ws-proto&price=99&quantity=0.1&side=BUY&symbol=BTCUSDT"
                    + "&timeInForce=GTC&timestamp=" + timestamp + "&type=LIMIT";
            client.send("{\"id\":1,\"method\":\"order.place\",\"params\":{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                    + "\"timeInForce\":\"GTC\",\"price\":\"99\",\"quantity\":\"0.1\",\"newClientOrderId\":\"ws-proto\",\"timestamp\":"
                    + timestamp + ",\"apiKey\":\"" + apiKey + "\",\"signature\":\"" + hmac(BinanceSimulator.TEST_CREDENTIALS.secret(), payload) + "\"}}");
            assertThat(client.next()).startsWith("{\"id\":1,\"status\":200,\"result\":{\"symbol\":\"BTCUSDT\"")
                    .contains("\"clientOrderId\":\"ws-proto\"").contains("\"status\":\"NEW\"");

            client.send("{\"id\":2,\"method\":\"session.logon\",\"params\":{\"apiKey\":\"" + apiKey + "\",\"timestamp\":" + timestamp
                    + ",\"signature\":\"" + hmac(BinanceSimulator.TEST_CREDENTIALS.secret(), "apiKey=" + apiKey + "&timestamp=" + timestamp) + "\"}}");
            assertThat(client.next()).isEqualTo("{\"id\":2,\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}}");
        } finally {
            client.closeBlocking();
        }
    }

    @Test
    void cancelReplaceWhoseNewOrderFailsAnswers409WithBothHalves() throws Exception {
        signedPost("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=90&newClientOrderId=cr-old");
        // the last close is 100 and the ask 100.01: a post-only buy at 105 would take, so the new half fails
        HttpResponse<String> answer = signedPost("/api/v3/order/cancelReplace", "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.1"
                + "&price=105&cancelReplaceMode=STOP_ON_FAILURE&cancelOrigClientOrderId=cr-old&newClientOrderId=cr-new");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).startsWith("{\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\",\"data\":{"
                + "\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"FAILURE\",\"cancelResponse\":{\"symbol\":\"BTCUSDT\",\"origClientOrderId\":\"cr-old\"")
                .endsWith("\"newOrderResponse\":{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}}}");
    }

    private HttpResponse<String> signedPost(String path, String params) throws Exception {
        String query = params + "&timestamp=" + System.currentTimeMillis();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.restUrl() + path + "?" + query + "&signature="
                        + hmac(BinanceSimulator.TEST_CREDENTIALS.secret(), query))).header("X-MBX-APIKEY", sim.credentials().apiKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void retimedBarsCloseOnTheWallClock() {
        List<Bar> bars = sim.closedBars();
        long now = Instant.parse("2026-03-01T10:07:31Z").toEpochMilli();
        List<Bar> retimed = BinanceSimulator.retime(sim.closedBars(), 1, now);
        assertThat(retimed.get(0).closeTime()).isEqualTo(Instant.parse("2026-03-01T10:07:00Z"));
        assertThat(retimed.get(0).close()).isEqualByComparingTo(bars.get(0).close());
        assertThat(BinanceSimulator.retime(TestData.bars(), 3, now).get(3).openTime()).isEqualTo(Instant.parse("2026-03-01T10:07:00Z"));
    }

    @Test
    void theProcessReadsBarsFromCsvAndNamesTheBadLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("bars.csv");
        Files.writeString(good, "openTime,open,high,low,close,volume\n1714521600000,100,101,99,100.5,3\n2024-05-01T00:01:00Z,100.5,102,100,101,4\n");
        List<Bar> bars = BinanceSimulator.readCsv(good, "BTCUSDT", Timeframe.M1);
        assertThat(bars).hasSize(2);
        assertThat(bars.get(1).openTime()).isEqualTo(Instant.parse("2024-05-01T00:01:00Z"));
        assertThat(bars.get(1).close()).isEqualByComparingTo("101");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1714521600000,100,101,99,100.5,3\n1714521660000,100,99,101,100,1\n");
        assertThatThrownBy(() -> BinanceSimulator.readCsv(bad, "BTCUSDT", Timeframe.M1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
    }
}
