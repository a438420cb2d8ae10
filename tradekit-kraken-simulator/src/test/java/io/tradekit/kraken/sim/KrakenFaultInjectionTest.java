package io.tradekit.kraken.sim;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.kraken.KrakenAdapter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against a misbehaving venue: never an order sent twice, every failure in the right category. */
class KrakenFaultInjectionTest {

    private static OrderRequest buy(String id) {
        return new OrderRequest(id, "ETHUSD", Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(new BigDecimal("80.00")), TimeInForce.GTC, false);
    }

    @Test
    void aServerErrorAfterTheVenueTookTheOrderIsAnUnknownOutcomeThatALookupResolves() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            k.sim.failNextOrders(1, FaultInjection.OrderFailure.AFTER_ACCEPTING);

            assertThatThrownBy(() -> kraken.place(buy("u-1"))).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME));

            assertThat(kraken.lookup("ETHUSD", "u-1").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
            assertThat(k.sim.requests("/0/private/AddOrder")).as("never sent again").isEqualTo(1);
            assertThat(k.sim.acceptedClientOrderIds()).containsExactly("u-1");
        }
    }

    @Test
    void aServerErrorBeforeTheVenueTookTheOrderLeavesNothingToFind() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            k.sim.failNextOrders(1, FaultInjection.OrderFailure.BEFORE_ACCEPTING);

            assertThatThrownBy(() -> kraken.place(buy("u-2"))).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME));

            assertThat(kraken.lookup("ETHUSD", "u-2")).isEmpty();
            assertThat(k.sim.requests("/0/private/AddOrder")).isEqualTo(1);
        }
    }

    @Test
    void aConnectionCutAfterTheVenueTookTheOrderIsAnUnknownOutcome() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            k.sim.failNextOrders(1, FaultInjection.OrderFailure.DROPPED_AFTER_ACCEPTING);

            assertThatThrownBy(() -> kraken.place(buy("u-3"))).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME));

            assertThat(kraken.lookup("ETHUSD", "u-3")).isPresent();
            assertThat(k.sim.requests("/0/private/AddOrder")).isEqualTo(1);
        }
    }

    @Test
    void anAnswerSlowerThanTheDeadlineIsAnUnknownOutcome() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter(Map.of("requestTimeoutMs", "300"));
            kraken.instrument("ETHUSD"); // the pair is known before the venue slows down
            k.sim.delayResponses(Duration.ofMillis(1000));

            assertThatThrownBy(() -> kraken.place(buy("slow-1"))).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME));
            k.sim.delayResponses(Duration.ZERO);

            // the slow request is still on its way: the order shows up once the venue gets to it
            SimulatedKraken.awaitTrue("the slow order is at the venue", () -> kraken.lookup("ETHUSD", "slow-1").isPresent());
            assertThat(k.sim.acceptedClientOrderIds()).containsExactly("slow-1");
        }
    }

    @Test
    void anInvalidNonceAnswerToANewOrderPlacesItExactlyOnce() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            kraken.balances();
            k.sim.refuseAuthenticationNext(1);

            OrderAck ack = kraken.place(buy("n-1"));

            assertThat(ack.clientOrderId()).isEqualTo("n-1");
            assertThat(k.sim.errors("EAPI:Invalid nonce")).isEqualTo(1);
            assertThat(k.sim.acceptedClientOrderIds()).containsExactly("n-1");
            assertThat(kraken.openOrders("ETHUSD")).hasSize(1);
        }
    }

    @Test
    void anInvalidNonceAnswerToAReadIsRepeatedWithAFreshNonce() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            k.sim.refuseAuthenticationNext(1);

            List<Balance> balances = kraken.balances();

            assertThat(balances).extracting(Balance::asset).contains("ZUSD");
            assertThat(k.sim.errors("EAPI:Invalid nonce")).isEqualTo(1);
            assertThat(k.sim.requests("/0/private/BalanceEx")).isEqualTo(2);
        }
    }

    @Test
    void aRateLimitAnswerPausesTheKeysCounterAndTheCallIsRepeatedAfterIt() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter(Map.of("tier", "pro")); // 4 points at 1/s: a wait the retrier accepts
            k.sim.rateLimitNext(1);

            List<Balance> balances = kraken.balances();

            assertThat(balances).extracting(Balance::asset).contains("ZUSD");
            assertThat(k.sim.errors("EAPI:Rate limit exceeded")).isEqualTo(1);
            assertThat(k.sim.requests("/0/private/BalanceEx")).isEqualTo(2);
        }
    }

    @Test
    void aRateLimitLongerThanTheRetrierWaitsSurfacesAsRateLimit() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter(Map.of("tier", "starter", "maxRateLimitWaitMs", "100"));
            k.sim.rateLimitNext(1);

            assertThatThrownBy(kraken::balances).isInstanceOfSatisfying(ExchangeException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
                assertThat(e.retryAfter()).isPresent();
            });
        }
    }

    @Test
    void aWrongSecretIsRefusedAsAuthAndNeverShown() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter wrong = new KrakenAdapter(io.tradekit.kraken.KrakenConfig.from(new io.tradekit.api.spi.ExchangeSettings(
                    io.tradekit.api.Params.of("kraken", k.params(Map.of())),
                    Optional.of(new io.tradekit.api.Credentials(k.credentials.apiKey(), "d3Jvbmctc2VjcmV0")))));
            try (wrong) {
                assertThatThrownBy(wrong::balances).isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.getMessage()).contains("EAPI:Invalid signature").doesNotContain("d3Jvbmctc2VjcmV0");
                });
            }
        }
    }
}
