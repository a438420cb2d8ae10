package io.tradekit.binance;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.binance.sim.BinanceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the adapter does when the venue fails: 5xx, timeouts, rate limits, a closed port. */
class BinanceFaultInjectionTest {

    private SimulatedBinance venue;

    @BeforeEach
    void start() {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
    }

    @AfterEach
    void stop() throws Exception {
        venue.close();
    }

    private static OrderRequest limit(String id) {
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(new BigDecimal("80")), TimeInForce.GTC, false);
    }

    @Test
    void a5xxBeforeTheVenueTookTheOrderIsUnknownAndTheLookupFindsNothing() {
        BinanceAdapter adapter = venue.adapter();
        venue.sim.failNextOrders(1, BinanceSimulator.OrderFailure.BEFORE_ACCEPTING);
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("u-1")));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.sim.requests("POST", "/api/v3/order")).as("never sent twice").isEqualTo(1);
        assertThat(adapter.lookup("ETHUSDT", "u-1")).isEmpty();
    }

    @Test
    void a5xxAfterTheVenueTookTheOrderIsUnknownAndTheLookupFindsIt() {
        BinanceAdapter adapter = venue.adapter();
        venue.sim.failNextOrders(1, BinanceSimulator.OrderFailure.AFTER_ACCEPTING);
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("u-2")));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.recoveryAction()).isEqualTo(io.tradekit.api.RecoveryAction.RESYNC_STATE);
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isEqualTo(1);
        Order found = adapter.lookup("ETHUSDT", "u-2").orElseThrow();
        assertThat(found.status()).isEqualTo(OrderStatus.NEW);
        assertThat(found.quantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void anOrderWhoseAnswerTimesOutIsUnknownNeverResentAndFoundByLookup() {
        BinanceAdapter adapter = venue.adapter(Map.of("requestTimeoutMs", "300"));
        adapter.serverTime(); // sample the clock before answers slow down
        adapter.lookup("ETHUSDT", "warm-up");
        venue.sim.delayResponses(Duration.ofMillis(1200));
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("slow-1")));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        venue.sim.delayResponses(Duration.ZERO);
        SimulatedBinance.awaitTrue("the delayed order reached the book", () -> !venue.sim.orders().isEmpty());
        assertThat(adapter.lookup("ETHUSDT", "slow-1")).map(Order::status).contains(OrderStatus.NEW);
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isEqualTo(1);
    }

    @Test
    void aShortRetryAfterIsWaitedOutAndTheCallRepeated() {
        BinanceAdapter adapter = venue.adapter();
        adapter.lookup("ETHUSDT", "warm-up"); // samples the server clock, so the next request is the order
        venue.sim.rateLimitNext(1, Duration.ofSeconds(1));
        adapter.place(limit("rl-1"));
        assertThat(venue.sim.errors(-1003)).isEqualTo(1);
        assertThat(venue.sim.requests("POST", "/api/v3/order")).as("a 429 refused the first, so it was safe to repeat").isEqualTo(2);
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("rl-1");
    }

    @Test
    void aLongRetryAfterStopsEveryCallerOfTheKeyWithoutTouchingTheVenue() {
        BinanceAdapter adapter = venue.adapter();
        BinanceAdapter sameKey = venue.adapter(); // another bot on the same API key
        adapter.serverTime();
        venue.sim.rateLimitNext(1, Duration.ofSeconds(120));
        ExchangeException first = catchThrowableOfType(ExchangeException.class, adapter::serverTime);
        assertThat(first.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(first.retryAfter()).contains(Duration.ofSeconds(120));
        int seen = venue.sim.requests("GET", "/api/v3/time");
        ExchangeException second = catchThrowableOfType(ExchangeException.class, () -> sameKey.place(limit("rl-2")));
        assertThat(second.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(venue.sim.requests("GET", "/api/v3/time") + venue.sim.requests("POST", "/api/v3/order")).isEqualTo(seen);
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        BinanceAdapter adapter = new BinanceAdapter(BinanceConfig.from(new ExchangeSettings(Params.of("binance", Map.of(
                "restUrl", "http://127.0.0.1:" + port, "streamUrl", "ws://127.0.0.1:" + port, "wsApiUrl", "ws://127.0.0.1:" + port + "/ws-api/v3")),
                Optional.empty())));
        try (adapter) {
            ExchangeException e = catchThrowableOfType(ExchangeException.class, adapter::serverTime);
            assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        }
    }
}
