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
}
