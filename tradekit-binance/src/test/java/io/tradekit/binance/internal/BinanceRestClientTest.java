package io.tradekit.binance.internal;

import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.binance.internal.BinanceErrors.Operation;
import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceRestClientTest {

    private static List<io.tradekit.api.Bar> bars() {
        List<io.tradekit.api.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bars.add(new io.tradekit.api.Bar("ETHUSDT", Timeframe.M1, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * i),
                    BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE));
        }
        return bars;
    }

    @Test
    void aRequestThatWaitedForItsBudgetIsSignedWhenItLeavesNotBeforeTheWait() {
        try (BinanceSimulator sim = BinanceSimulator.start(0, bars())) {
            Map<String, String> params = new HashMap<>(sim.adapterParams());
            params.put("recvWindow", "1000");
            BinanceConfig config = BinanceConfig.from(new ExchangeSettings(Params.of("binance", params), Optional.of(sim.credentials())));
            RequestBudget weight = RequestBudget.of("binance", "weight-test", 6000, Duration.ofMinutes(1), Duration.ofSeconds(10));
            RequestBudget orders = RequestBudget.of("binance", "orders-test", 50, Duration.ofSeconds(10), Duration.ofSeconds(10));
            BinanceRestClient rest = new BinanceRestClient(config, new HttpTransport("binance", Duration.ofSeconds(2)), weight, orders,
                    Retrier.standard("binance"), new ServerClockOffset(9), InstantSource.system());
            rest.serverMillis(); // clock sampled: the next call is the signed one alone
            weight.pauseFor(Duration.ofMillis(1500)); // as another bot's 429 on the same key would

            rest.call(Endpoint.ACCOUNT, new QueryString(), Operation.QUERY, "GET /api/v3/account", AccountMapping::balances);

            // signed before the 1.5 s wait, the request arrived outside its 1 s recvWindow and drew -1021
            assertThat(sim.errors(-1021)).isZero();
            assertThat(sim.requests("GET", "/api/v3/account")).isEqualTo(1);
        }
    }

    @Test
    void aSignedPostCarriesItsParametersAndSignatureInAFormBodyAndOtherMethodsInTheQuery() {
        Map<String, String> params = new HashMap<>(Map.of("restUrl", "http://127.0.0.1:9", "streamUrl", "ws://127.0.0.1:9",
                "wsApiUrl", "ws://127.0.0.1:9/ws-api/v3"));
        BinanceConfig config = BinanceConfig.from(new ExchangeSettings(Params.of("binance", params),
                Optional.of(new io.tradekit.api.Credentials("key-1", "secret-1"))));
        RequestBudget unlimited = RequestBudget.of("binance", "unlimited", Long.MAX_VALUE, Duration.ofMinutes(1), Duration.ZERO);
        BinanceRestClient rest = new BinanceRestClient(config, new HttpTransport("binance", Duration.ofSeconds(1)), unlimited, unlimited,
                Retrier.standard("binance"), new ServerClockOffset(9), InstantSource.system());
        QueryString order = new QueryString().add("symbol", "ETHUSDT").add("side", "BUY").add("type", "MARKET").add("quantity", "0.1");
        String signedText = "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.1&recvWindow=" + config.recvWindowMillis() + "&timestamp=1700000000000";

        java.net.http.HttpRequest post = rest.signedRequest(Endpoint.NEW_ORDER, order, 1_700_000_000_000L);
        java.net.http.HttpRequest get = rest.signedRequest(Endpoint.ACCOUNT, new QueryString(), 1_700_000_000_000L);

        String signature = rest.signer().sign(signedText);
        String body = signedText + "&signature=" + signature;
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri().toString()).isEqualTo("http://127.0.0.1:9/api/v3/order"); // no signature in the URL
        assertThat(post.headers().firstValue("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(post.headers().firstValue("X-MBX-APIKEY")).contains("key-1");
        assertThat(post.bodyPublisher().orElseThrow().contentLength()).isEqualTo(body.length());
        assertThat(get.uri().getRawQuery()).startsWith("recvWindow=").contains("&timestamp=1700000000000&signature=");
    }
}
