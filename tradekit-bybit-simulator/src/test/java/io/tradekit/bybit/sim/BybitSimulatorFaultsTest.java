package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The venue-neutral faults the conformance kit drives, seen from a plain client over real sockets. */
class BybitSimulatorFaultsTest {

    private final BybitSimulator sim = BybitSimulator.start(BybitSimulator.Options.of(0, bars()));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        sim.close();
    }

    private static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BigDecimal p = BigDecimal.valueOf(100 + i);
            bars.add(new Bar("BTCUSDT", Timeframe.M1, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * i), p, p, p, p, BigDecimal.ONE));
        }
        return bars;
    }

    private HttpResponse<String> time() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/v5/market/time")).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private WebSocket openPublic() throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create(sim.publicStreamUrl()), new WebSocket.Listener() { })
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void refusedConnectionsGetTheStatusOnRestAndAFailedHandshakeThatIsCountedUntilAcceptedAgain() throws Exception {
        sim.refuseConnections(403);

        HttpResponse<String> refused = time();
        Throwable handshake = catchThrowable(() -> http.newWebSocketBuilder()
                .buildAsync(URI.create(sim.publicStreamUrl()), new WebSocket.Listener() { }).join());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("access too frequent");
        assertThat(handshake).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(sim.webSocketAttempts()).isEqualTo(1);

        sim.acceptConnections();

        assertThat(time().statusCode()).isEqualTo(200);
        openPublic().abort();
        assertThat(sim.webSocketAttempts()).isEqualTo(2);
    }

    @Test
    void aForcedRateLimitIs10006WithTheResetTimestampAsFarAheadAsAskedAndOnlyForTheNextRequest() throws Exception {
        sim.rateLimitNext(1, Duration.ofMinutes(2));
        long before = System.currentTimeMillis();

        HttpResponse<String> limited = time();
        HttpResponse<String> next = time();

        assertThat(new ObjectMapper().readTree(limited.body()).get("retCode").asInt()).isEqualTo(10006);
        assertThat(limited.headers().firstValue("X-Bapi-Limit-Status")).contains("0");
        long reset = Long.parseLong(limited.headers().firstValue("X-Bapi-Limit-Reset-Timestamp").orElseThrow());
        assertThat(reset).isGreaterThanOrEqualTo(before + Duration.ofMinutes(2).toMillis());
        assertThat(new ObjectMapper().readTree(next.body()).get("retCode").asInt()).isZero();
        assertThat(sim.requests()).isEqualTo(2);
    }
}
