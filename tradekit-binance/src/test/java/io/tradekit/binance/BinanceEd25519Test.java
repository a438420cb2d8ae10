package io.tradekit.binance;

import io.tradekit.api.Credentials;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.internal.Ed25519Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Ed25519 API keys: REST and WebSocket API requests signed with the private key (PKCS#8 PEM), checked by
 * the simulator's own Ed25519 verification with the account's public key; {@code session.logon} as an option.
 */
class BinanceEd25519Test {

    private SimulatedBinance venue;

    @AfterEach
    void stop() {
        if (venue != null) venue.close();
    }

    private static KeyPair newKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private BinanceAdapter start(KeyPair key, Map<String, String> params) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5, pem("PRIVATE KEY", key.getPrivate().getEncoded()),
                o -> o.withEd25519Key(pem("PUBLIC KEY", key.getPublic().getEncoded())));
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put("keyType", "ed25519");
        return venue.adapter(all);
    }

    private static OrderRequest limit(String id) {
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.1"), Optional.of(new BigDecimal("90.00")),
                TimeInForce.GTC, false);
    }

    @Test
    void restRequestsSignedWithEd25519AreAccepted() throws Exception {
        BinanceAdapter binance = start(newKey(), Map.of());

        OrderAck ack = binance.place(limit("ed-1"));

        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(binance.lookup("ETHUSDT", "ed-1")).isPresent();
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isEqualTo(1);
    }

    @Test
    void webSocketOrdersAfterSessionLogonCarryNoSignature() throws Exception {
        BinanceAdapter binance = start(newKey(), Map.of("orderChannel", "websocket", "sessionLogon", "true"));
        RecordingSink events = new RecordingSink();
        binance.connect(events);
        // the user data subscription is signed with the same Ed25519 key
        events.await(Event.ConnectionChanged.class, c -> c.stream().equals("user") && c.state() == ConnectionState.CONNECTED);

        OrderAck ack = binance.place(limit("ed-ws-1"));
        binance.cancel("ETHUSDT", "ed-ws-1");

        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        events.await(Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("ed-ws-1") && u.update().status() == OrderStatus.CANCELED);
        assertThat(venue.sim.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isZero();
    }

    @Test
    void webSocketOrdersSignedOneByOneWithEd25519AreAccepted() throws Exception {
        BinanceAdapter binance = start(newKey(), Map.of("orderChannel", "websocket"));

        assertThat(binance.place(limit("ed-ws-2")).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedWithMinus1022() throws Exception {
        start(newKey(), Map.of());
        Credentials impostor = new Credentials(venue.credentials.apiKey(), pem("PRIVATE KEY", newKey().getPrivate().getEncoded()));
        BinanceAdapter wrongKey = venue.adapter(impostor, Map.of("keyType", "ed25519"));

        ExchangeException refused = catchThrowableOfType(ExchangeException.class, () -> wrongKey.place(limit("ed-bad")));

        assertThat(refused.category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(refused.venueCode()).isEqualTo("-1022");
        assertThat(venue.sim.errors(-1022)).isEqualTo(1);
        assertThat(venue.sim.orders()).isEmpty();
    }

    @Test
    void aTamperedEd25519SignatureIsRefusedByTheSimulatorsOwnCheck() throws Exception {
        KeyPair key = newKey();
        start(key, Map.of());
        String query = "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=90&newClientOrderId=raw-1&recvWindow=60000"
                + "&timestamp=" + System.currentTimeMillis();
        String good = Ed25519Signer.fromPem(venue.credentials.secret()).sign(query);
        // flip one bit of the signature's first byte: still base64 of 64 bytes, no longer a valid signature
        byte[] raw = Base64.getDecoder().decode(good);
        raw[0] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(raw);

        HttpResponse<String> goodAnswer = post(query, good);
        HttpResponse<String> badAnswer = post(query.replace("raw-1", "raw-1"), tampered);

        assertThat(goodAnswer.statusCode()).isEqualTo(200);
        assertThat(badAnswer.statusCode()).isEqualTo(400);
        assertThat(badAnswer.body()).isEqualTo("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        assertThat(venue.sim.orders()).hasSize(1);
    }

    private HttpResponse<String> post(String query, String signature) throws Exception {
        URI uri = URI.create(venue.sim.restUrl() + "/api/v3/order?" + query + "&signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-MBX-APIKEY", venue.credentials.apiKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void thePrivateKeyNeverShowsInTextsAndABrokenKeyIsNamedWithoutIt() throws Exception {
        String privatePem = pem("PRIVATE KEY", newKey().getPrivate().getEncoded());
        String body = privatePem.split("\n")[1];
        Ed25519Signer signer = Ed25519Signer.fromPem(privatePem);
        BinanceConfig config = BinanceConfig.from(new io.tradekit.api.spi.ExchangeSettings(
                io.tradekit.api.Params.of("binance", Map.of("keyType", "ed25519")), Optional.of(new Credentials("k", privatePem))));

        assertThat(signer.toString()).doesNotContain(body);
        assertThat(config.toString()).doesNotContain(body).contains("keyType=ED25519");
        String broken = privatePem.replace(body, body.substring(0, 20) + "!!" + body.substring(22));
        assertThatThrownBy(() -> Ed25519Signer.fromPem(broken)).isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining(body.substring(24));
        assertThatThrownBy(() -> BinanceConfig.from(new io.tradekit.api.spi.ExchangeSettings(
                io.tradekit.api.Params.of("binance", Map.of("sessionLogon", "true")), Optional.of(new Credentials("k", "s")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Ed25519 keys only");
        // the same payload signs the same (Ed25519 is deterministic), and differently with another key
        assertThat(signer.sign("a=1")).isEqualTo(signer.sign("a=1"))
                .isNotEqualTo(Ed25519Signer.fromPem(pem("PRIVATE KEY", newKey().getPrivate().getEncoded())).sign("a=1"));
    }
}
