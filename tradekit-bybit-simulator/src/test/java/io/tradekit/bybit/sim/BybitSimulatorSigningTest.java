package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator checks Bybit's documented signing example with its own code, over a real socket. Its
 * clock is set to the example's timestamp; the signature was computed outside this code base with
 * {@code printf '%s' '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C' | openssl dgst -sha256 -hmac tradekit-doc-secret}.
 */
class BybitSimulatorSigningTest {

    private static final long DOC_TIMESTAMP = 1658384314791L;
    private static final String DOC_QUERY = "category=option&symbol=BTC-29JUL22-25000-C";
    private static final String DOC_SIGNATURE = "73af4c8d88b053156353efb5f381f60b35af53d0e2fe4dcdc911d502cdccfd91";

    private final BybitSimulator sim = BybitSimulator.start(BybitSimulator.Options.of(0, bars())
            .withCredentials(new Credentials("XXXXXXXXXX", "tradekit-doc-secret")));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        sim.close();
    }

    private static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BigDecimal p = BigDecimal.valueOf(100 + i);
            bars.add(new Bar("BTCUSDT", Timeframe.M1, Instant.parse("2022-07-21T00:00:00Z").plusSeconds(60L * i), p, p, p, p, BigDecimal.ONE));
        }
        return bars;
    }

    private JsonNode get(long timestamp, String signature) throws Exception {
        sim.skewClock(Duration.ofMillis(DOC_TIMESTAMP - System.currentTimeMillis()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.restUrl() + "/v5/order/realtime?" + DOC_QUERY))
                .header("X-BAPI-API-KEY", "XXXXXXXXXX").header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
                .header("X-BAPI-RECV-WINDOW", "5000").header("X-BAPI-SIGN", signature).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void theDocumentedGetSignaturePassesAndTheRequestReachesTheEndpoint() throws Exception {
        JsonNode answer = get(DOC_TIMESTAMP, DOC_SIGNATURE);

        // past the signature check, the endpoint refuses the option category, which this simulator does not serve
        assertThat(answer.get("retCode").asInt()).isEqualTo(10001);
        assertThat(answer.get("retMsg").asText()).contains("category option");
    }

    @Test
    void aSignatureOffByOneCharacterIsRefusedWith10004() throws Exception {
        String wrong = DOC_SIGNATURE.substring(0, 63) + (DOC_SIGNATURE.endsWith("1") ? "2" : "1");

        assertThat(get(DOC_TIMESTAMP, wrong).get("retCode").asInt()).isEqualTo(10004);
    }

    @Test
    void aTimestampOlderThanTheRecvWindowIsRefusedWith10002BeforeTheSignatureCounts() throws Exception {
        JsonNode answer = get(DOC_TIMESTAMP - 60_000, DOC_SIGNATURE);

        assertThat(answer.get("retCode").asInt()).isEqualTo(10002);
        assertThat(answer.get("retMsg").asText()).contains("recv_window");
    }
}
