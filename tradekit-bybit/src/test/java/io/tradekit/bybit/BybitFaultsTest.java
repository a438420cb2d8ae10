package io.tradekit.bybit;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.bybit.sim.BybitSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the adapter does when the venue misbehaves: every new order is sent once; what may exist is looked up. */
class BybitFaultsTest {

    private final SimulatedBybit venue = new SimulatedBybit(TestBars.wave("ETHUSDT", Timeframe.M1, 40), 20);

    @AfterEach
    void close() {
        venue.close();
    }

    private static OrderRequest buy(String id) {
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(new BigDecimal("90")), TimeInForce.GTC, false);
    }

    private static ExchangeException failureOf(Runnable call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void a5xxAfterTheVenueTookTheOrderIsAnUnknownOutcomeAndTheOrderIsFoundNotResent() {
        BybitAdapter bybit = venue.adapter();
        venue.sim.failNextOrders(1, BybitSimulator.OrderFailure.SERVER_ERROR_AFTER_ACCEPTING);

        ExchangeException e = failureOf(() -> bybit.place(buy("u-1")));

        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).contains("POST /v5/order/create").contains("u-1");
        assertThat(venue.sim.requests("POST", "/v5/order/create")).isEqualTo(1);
        assertThat(bybit.lookup("ETHUSDT", "u-1")).isPresent();
    }

    @Test
    void a5xxBeforeTheVenueTookTheOrderIsAlsoUnknownAndTheLookupFindsNothing() {
        BybitAdapter bybit = venue.adapter();
        venue.sim.failNextOrders(1, BybitSimulator.OrderFailure.SERVER_ERROR_BEFORE_ACCEPTING);

        assertThat(failureOf(() -> bybit.place(buy("u-2"))).category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.sim.requests("POST", "/v5/order/create")).isEqualTo(1);
        assertThat(bybit.lookup("ETHUSDT", "u-2")).isEmpty();
    }

    @Test
    void aConnectionThatEndsWithoutAnAnswerAfterTheOrderWasTakenIsAnUnknownOutcome() {
        BybitAdapter bybit = venue.adapter();
        venue.sim.failNextOrders(1, BybitSimulator.OrderFailure.NO_ANSWER_AFTER_ACCEPTING);

        assertThat(failureOf(() -> bybit.place(buy("u-3"))).category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.sim.requests("POST", "/v5/order/create")).isEqualTo(1);
        assertThat(bybit.lookup("ETHUSDT", "u-3")).isPresent();
    }

    @Test
    void anOrderWhoseAnswerIsTooLateIsAnUnknownOutcomeAndIsNotResent() {
        BybitAdapter bybit = venue.adapter(Map.of("requestTimeoutMs", "300"));
        bybit.serverTime(); // the clock is sampled before the venue slows down
        bybit.balances();
        venue.sim.delayResponses(Duration.ofMillis(800));

        ExchangeException e = failureOf(() -> bybit.place(buy("u-4")));

        venue.sim.delayResponses(Duration.ZERO);
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.sim.requests("POST", "/v5/order/create")).isEqualTo(1);
        SimulatedBybit.awaitTrue("the late order is at the venue", () -> bybit.lookup("ETHUSDT", "u-4").isPresent());
    }

    @Test
    void anUnreadableAnswerToAnOrderIsAnUnknownOutcomeNamingTheCall() {
        BybitAdapter bybit = venue.adapter();
        bybit.balances();
        venue.sim.garbleNextAnswers(1);

        ExchangeException e = failureOf(() -> bybit.place(buy("u-5")));

        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).contains("POST /v5/order/create").contains("not JSON");
        assertThat(bybit.lookup("ETHUSDT", "u-5")).isPresent();
    }

    @Test
    void anUnreadableAnswerToAQueryIsMalformedDataNamingTheCall() {
        BybitAdapter bybit = venue.adapter();
        bybit.serverTime();
        bybit.balances();
        venue.sim.garbleNextAnswers(1);

        ExchangeException e = failureOf(bybit::balances);

        assertThat(e.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        assertThat(e.getMessage()).contains("GET /v5/account/wallet-balance");
    }

    @Test
    void aRateLimitAnswerIsWaitedOutUntilTheResetAndTheCallRepeated() {
        BybitAdapter bybit = venue.adapter();
        bybit.balances(); // the clock is sampled first, so that the limit meets the call itself
        int before = venue.sim.requests("GET", "/v5/account/wallet-balance");
        venue.sim.rateLimitNext(1);

        assertThat(bybit.balances()).isNotEmpty();

        assertThat(venue.sim.answers(10006)).isEqualTo(1);
        assertThat(venue.sim.requests("GET", "/v5/account/wallet-balance") - before).isEqualTo(2);
    }

    @Test
    void accessTooFrequentStopsEveryCallOnTheKeyForTheBlockAndNoneReachesTheVenue() {
        BybitAdapter bybit = venue.adapter(Map.of("maxRateLimitWaitMs", "200"));
        bybit.balances();
        venue.sim.forbidNext(1);

        ExchangeException blocked = failureOf(bybit::balances);
        int seen = venue.sim.requests("GET", "/v5/account/wallet-balance");
        ExchangeException next = failureOf(bybit::balances);

        assertThat(blocked.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(blocked.recoveryAction()).isEqualTo(RecoveryAction.PAUSE);
        assertThat(blocked.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(next.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(venue.sim.requests("GET", "/v5/account/wallet-balance")).isEqualTo(seen);
    }

    @Test
    void aVenueClockFarFromOursIsMeasuredAndSignedRequestsPass() {
        venue.sim.skewClock(Duration.ofSeconds(-40));
        BybitAdapter bybit = venue.adapter();

        assertThat(bybit.balances()).isNotEmpty();
        assertThat(venue.sim.answers(10002)).isZero();
    }

    @Test
    void aClockThatMovesAfterSamplingMeetsA10002ThenIsResampledAndTheCallPasses() {
        BybitAdapter bybit = venue.adapter();
        bybit.balances();
        venue.sim.skewClock(Duration.ofSeconds(30));

        assertThat(bybit.balances()).isNotEmpty();

        assertThat(venue.sim.answers(10002)).isEqualTo(1);
    }

    @Test
    void withoutCredentialsSignedCallsAreRefusedBeforeSending() {
        BybitAdapter anonymous = new BybitAdapter(BybitConfig.from(new io.tradekit.api.spi.ExchangeSettings(
                io.tradekit.api.Params.of("bybit", venue.params(Map.of())), Optional.empty())));
        try (anonymous) {
            assertThatThrownBy(anonymous::balances).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
            assertThat(venue.sim.requests("GET", "/v5/account/wallet-balance")).isZero();
        }
    }
}
