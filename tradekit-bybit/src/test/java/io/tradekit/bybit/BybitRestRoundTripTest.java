package io.tradekit.bybit;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's REST calls against the simulator over real loopback sockets. */
class BybitRestRoundTripTest {

    private final SimulatedBybit venue = new SimulatedBybit(TestBars.wave("ETHUSDT", Timeframe.M1, 40), 20);
    private final BybitAdapter bybit = venue.adapter();

    @AfterEach
    void close() {
        venue.close();
    }

    private static OrderRequest limit(String id, Side side, String qty, String price) {
        return new OrderRequest(id, "ETHUSDT", side, OrderType.LIMIT, new BigDecimal(qty), Optional.of(new BigDecimal(price)), TimeInForce.GTC, false);
    }

    private static OrderRequest market(String id, Side side, String qty) {
        return new OrderRequest(id, "ETHUSDT", side, OrderType.MARKET, new BigDecimal(qty), Optional.empty(), TimeInForce.GTC, false);
    }

    @Test
    void theInstrumentCarriesTheSpotLotSizeAndPriceFilters() {
        Instrument i = bybit.instrument("ETHUSDT");

        assertThat(i.baseAsset()).isEqualTo("ETH");
        assertThat(i.quoteAsset()).isEqualTo("USDT");
        assertThat(i.tickSize()).isEqualByComparingTo("0.01");
        assertThat(i.stepSize()).isEqualByComparingTo("0.0001");
        assertThat(i.minQuantity()).isEqualByComparingTo("0.0001");
        assertThat(i.minNotional()).isEqualByComparingTo("5");
    }

    @Test
    void anUnlistedSymbolIsRefusedByName() {
        assertThatThrownBy(() -> bybit.instrument("DOGEUSDT")).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("DOGEUSDT is not listed in category spot");
    }

    @Test
    void aRestingLimitOrderIsLookedUpOpenThenCancelledAndFoundInHistory() {
        OrderAck ack = bybit.place(limit("rest-1", Side.BUY, "0.5", "90"));

        assertThat(ack.venueOrderId()).isNotBlank();
        Order open = bybit.lookup("ETHUSDT", "rest-1").orElseThrow();
        assertThat(open.status()).isEqualTo(OrderStatus.NEW);
        assertThat(open.limitPrice()).contains(new BigDecimal("90"));
        assertThat(open.quantity()).isEqualByComparingTo("0.5");
        assertThat(bybit.openOrders("ETHUSDT")).extracting(Order::clientOrderId).containsExactly("rest-1");

        bybit.cancel("ETHUSDT", "rest-1");

        assertThat(bybit.lookup("ETHUSDT", "rest-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(bybit.openOrders("ETHUSDT")).isEmpty();
        assertThatThrownBy(() -> bybit.cancel("ETHUSDT", "rest-1")).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND));
        assertThat(venue.sim.requests("GET", "/v5/order/history")).isPositive();
    }

    @Test
    void anOrderBybitNeverSawIsNotFound() {
        assertThat(bybit.lookup("ETHUSDT", "never-sent")).isEmpty();
    }

    @Test
    void aMarketBuyIsSizedInTheBaseCoinAndShowsInFillsAndBalances() {
        Instant before = Instant.now().minusSeconds(5);
        bybit.place(market("mkt-1", Side.BUY, "0.5"));

        List<Fill> fills = bybit.fills("ETHUSDT", before);
        assertThat(fills).hasSize(1);
        Fill fill = fills.getFirst();
        assertThat(fill.clientOrderId()).isEqualTo("mkt-1");
        assertThat(fill.side()).isEqualTo(Side.BUY);
        assertThat(fill.quantity()).isEqualByComparingTo("0.5");
        assertThat(fill.fee()).isPositive();
        assertThat(bybit.lookup("ETHUSDT", "mkt-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        Map<String, Balance> balances = bybit.balances().stream().collect(java.util.stream.Collectors.toMap(Balance::asset, b -> b));
        assertThat(balances.get("ETH").free()).isEqualByComparingTo("0.5");
        assertThat(balances.get("USDT").total()).isEqualByComparingTo(new BigDecimal("10000").subtract(fill.notional()).subtract(fill.fee()));
    }

    @Test
    void fillsOfSeveralOrdersAreReturnedOldestFirst() {
        Instant before = Instant.now().minusSeconds(5);
        for (int i = 0; i < 3; i++) bybit.place(market("m-" + i, Side.BUY, "0.1"));

        List<Fill> fills = bybit.fills("ETHUSDT", before);

        assertThat(fills).extracting(Fill::clientOrderId).containsExactly("m-0", "m-1", "m-2");
    }

    @Test
    void cancelAllCancelsEveryOpenOrderAndCountsThem() {
        bybit.place(limit("a-1", Side.BUY, "0.1", "80"));
        bybit.place(limit("a-2", Side.BUY, "0.1", "81"));
        bybit.place(limit("a-3", Side.BUY, "0.1", "82"));

        assertThat(bybit.cancelAll("ETHUSDT")).isEqualTo(3);
        assertThat(bybit.openOrders("ETHUSDT")).isEmpty();
        assertThat(bybit.cancelAll("ETHUSDT")).isZero();
    }

    @Test
    void filterBreachesAreRefusedWithBybitsCodesAndNothingRests() {
        assertThat(refusal(limit("f-tick", Side.BUY, "0.1", "90.001")).venueCode()).isEqualTo("170134");
        assertThat(refusal(limit("f-step", Side.BUY, "0.00001", "90")).venueCode()).isIn("170137", "170136");
        assertThat(refusal(limit("f-value", Side.BUY, "0.01", "90")).venueCode()).isEqualTo("170140");
        ExchangeException poor = refusal(limit("f-funds", Side.BUY, "500", "90"));
        assertThat(poor.venueCode()).isEqualTo("170131");
        assertThat(poor.category()).isEqualTo(ErrorCategory.INSUFFICIENT_FUNDS);
        assertThat(bybit.openOrders("ETHUSDT")).isEmpty();
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRefused() {
        OrderRequest crossing = new OrderRequest("po-1", "ETHUSDT", Side.BUY, OrderType.LIMIT_MAKER, new BigDecimal("0.1"),
                Optional.of(new BigDecimal("150")), TimeInForce.GTC, false);

        ExchangeException e = refusal(crossing);

        assertThat(e.venueCode()).isEqualTo("170218");
        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
    }

    @Test
    void aSecondOrderUnderTheSameClientIdIsAnUnknownOutcomeToLookUpNotASecondOrder() {
        bybit.place(limit("dup-1", Side.BUY, "0.1", "90"));

        ExchangeException e = refusal(limit("dup-1", Side.BUY, "0.1", "91"));

        assertThat(e.venueCode()).isEqualTo("170141");
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.sim.orders()).hasSize(1);
    }

    @Test
    void aWrongSecretIsAnAuthFailureThatHalts() {
        BybitAdapter impostor = venue.adapter(new Credentials(venue.credentials.apiKey(), "not-the-secret"), Map.of());

        assertThatThrownBy(impostor::balances).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.venueCode()).isEqualTo("10004");
            assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
            assertThat(e.recoveryAction()).isEqualTo(RecoveryAction.HALT);
            assertThat(e.getMessage()).doesNotContain("not-the-secret");
        });
    }

    @Test
    void historyIsReturnedOldestFirstAndOnlyClosedBars() {
        List<Bar> history = bybit.history("ETHUSDT", Timeframe.M1, TestBars.START, TestBars.START.plusSeconds(60 * 20));

        assertThat(history).hasSize(20);
        assertThat(history.getFirst().openTime()).isEqualTo(TestBars.START);
        assertThat(history).isSortedAccordingTo(java.util.Comparator.comparing(Bar::openTime));
        assertThat(history.get(5).close()).isEqualByComparingTo(TestBars.wave("ETHUSDT", Timeframe.M1, 40).get(5).close());
    }

    private ExchangeException refusal(OrderRequest request) {
        try {
            bybit.place(request);
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("order " + request.clientOrderId() + " was accepted");
    }

    @Test
    void anOrderSentWithoutBlockingOnceTheClockIsSampledIsAcknowledgedAsPlaceAcknowledgesIt() throws Exception {
        // before the server clock is sampled nothing can be signed without waiting: nothing is sent
        assertThat(bybit.placeWithoutBlocking(limit("nb-early", Side.BUY, "0.5", "90"))).isEmpty();
        assertThat(bybit.openOrders("ETHUSDT")).isEmpty(); // (this signed call samples the clock)

        OrderAck ack = bybit.placeWithoutBlocking(limit("nb-1", Side.BUY, "0.5", "90")).orElseThrow().toCompletableFuture()
                .get(15, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ack.clientOrderId()).isEqualTo("nb-1");
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(ack.venueOrderId()).isNotBlank();
        Order open = bybit.lookup("ETHUSDT", "nb-1").orElseThrow();
        assertThat(open.venueOrderId()).contains(ack.venueOrderId());
        assertThat(open.limitPrice().orElseThrow()).isEqualByComparingTo("90");
        assertThat(bybit.openOrders("ETHUSDT")).extracting(Order::clientOrderId).containsExactly("nb-1");
    }
}
