package io.tradekit.kraken.sim;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.kraken.KrakenAdapter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every REST call of the adapter against the simulator over loopback. */
class KrakenRestRoundTripTest {

    private static OrderRequest limit(String id, Side side, String qty, String price) {
        return new OrderRequest(id, "ETHUSD", side, OrderType.LIMIT, new BigDecimal(qty), Optional.of(new BigDecimal(price)), TimeInForce.GTC, false);
    }

    private static OrderRequest market(String id, Side side, String qty) {
        return new OrderRequest(id, "ETHUSD", side, OrderType.MARKET, new BigDecimal(qty), Optional.empty(), TimeInForce.GTC, false);
    }

    @Test
    void serverTimeAndInstrumentComeFromTheVenueUnderAnyOfThePairsNames() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();

            assertThat(kraken.serverTime()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
            for (String name : List.of("ETHUSD", "XETHZUSD", "ETH/USD")) {
                Instrument i = kraken.instrument(name);
                assertThat(i.symbol()).isEqualTo(name);
                assertThat(i.tickSize()).isEqualByComparingTo("0.01");
                assertThat(i.stepSize()).isEqualByComparingTo("0.00000001");
                assertThat(i.minQuantity()).isEqualByComparingTo("0.002");
                assertThat(i.minNotional()).isEqualByComparingTo("0.5");
                assertThat(i.baseAsset()).isEqualTo("XETH");
                assertThat(i.quoteAsset()).isEqualTo("ZUSD");
            }
            assertThatThrownBy(() -> kraken.instrument("DOGEUSD")).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT));
        }
    }

    @Test
    void aPairThatIsNotOnlineIsNotTraded() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5, o -> o.withPair(PairSpec.ethUsd().withStatus("cancel_only")))) {
            KrakenAdapter kraken = k.adapter();

            assertThatThrownBy(() -> kraken.instrument("ETHUSD")).isInstanceOfSatisfying(ExchangeException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.VENUE_UNAVAILABLE);
                assertThat(e.getMessage()).contains("cancel_only");
            });
            assertThatThrownBy(() -> kraken.place(limit("c-1", Side.BUY, "0.1", "90"))).isInstanceOf(ExchangeException.class);
            assertThat(k.sim.requests("/0/private/AddOrder")).isZero();
        }
    }

    @Test
    void historyPagesWithSinceAndLeavesOutThePeriodStillOpen() {
        List<Bar> bars = TestBars.wave(200);
        try (SimulatedKraken k = new SimulatedKraken(bars, 150)) {
            KrakenAdapter kraken = k.adapter();

            List<Bar> got = kraken.history("ETHUSD", Timeframe.M1, bars.get(20).openTime(), bars.get(160).openTime());

            assertThat(got).hasSize(130); // bars 20..149: 150.. have not closed at the venue
            assertThat(got.getFirst().openTime()).isEqualTo(bars.get(20).openTime());
            assertThat(got.getLast().openTime()).isEqualTo(bars.get(149).openTime());
            assertThat(got.get(7).close()).isEqualByComparingTo(bars.get(27).close());
            assertThat(got.get(7).volume()).isEqualByComparingTo(bars.get(27).volume());
        }
    }

    @Test
    void krakenServesOnlyThe720MostRecentRows() {
        List<Bar> bars = TestBars.wave(800);
        try (SimulatedKraken k = new SimulatedKraken(bars, 800)) {
            List<Bar> got = k.adapter().history("ETHUSD", Timeframe.M1, bars.getFirst().openTime(), bars.getLast().closeTime());

            // 720 rows: 719 closed and the open one, which is left out
            assertThat(got).hasSize(719);
            assertThat(got.getFirst().openTime()).isEqualTo(bars.get(81).openTime());
            assertThat(got.getLast().openTime()).isEqualTo(bars.get(799).openTime());
        }
    }

    @Test
    void aLimitOrderRestsIsFoundByClientOrderIdAndIsCancelledByIt() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();

            OrderAck ack = kraken.place(limit("rest-1", Side.BUY, "0.5", "80.00"));
            assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
            assertThat(ack.venueOrderId()).matches("O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}");

            assertThat(kraken.openOrders("ETHUSD")).extracting(Order::clientOrderId).containsExactly("rest-1");
            Balance usd = kraken.balances().stream().filter(b -> b.asset().equals("ZUSD")).findFirst().orElseThrow();
            assertThat(usd.locked()).isGreaterThanOrEqualTo(new BigDecimal("40"));
            assertThat(usd.total()).isEqualByComparingTo("10000");

            // a fresh adapter knows no txid: it finds the order through OpenOrders by cl_ord_id
            Order open = k.adapter().lookup("ETHUSD", "rest-1").orElseThrow();
            assertThat(open.status()).isEqualTo(OrderStatus.NEW);
            assertThat(open.limitPrice()).contains(new BigDecimal("80.00"));
            assertThat(open.venueOrderId()).contains(ack.venueOrderId());

            kraken.cancel("ETHUSD", "rest-1");
            assertThat(kraken.openOrders("ETHUSD")).isEmpty();
            assertThat(k.adapter().lookup("ETHUSD", "rest-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
            assertThatThrownBy(() -> kraken.cancel("ETHUSD", "rest-1")).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND));
            assertThat(kraken.lookup("ETHUSD", "never-sent")).isEmpty();
        }
    }

    @Test
    void marketOrdersFillAndTheirFillsArePagedWithOfs() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            Instant start = Instant.now().minusSeconds(1);
            for (int i = 0; i < 60; i++) {
                kraken.place(market("m-" + i, Side.BUY, "0.01"));
            }

            // a second adapter has seen none of the orders: client order ids come from QueryOrders
            List<Fill> fills = k.adapter().fills("ETHUSD", start);

            assertThat(fills).hasSize(60);
            assertThat(fills).extracting(Fill::clientOrderId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("m-"));
            assertThat(fills).extracting(Fill::fillId).doesNotHaveDuplicates();
            assertThat(fills).allSatisfy(f -> {
                assertThat(f.side()).isEqualTo(Side.BUY);
                assertThat(f.quantity()).isEqualByComparingTo("0.01");
                assertThat(f.feeAsset()).isEqualTo("ZUSD");
            });
            assertThat(k.sim.requests("/0/private/TradesHistory")).isEqualTo(2);
            BigDecimal eth = kraken.balances().stream().filter(b -> b.asset().equals("XETH")).findFirst().orElseThrow().total();
            assertThat(eth).isEqualByComparingTo("0.60");
            assertThat(kraken.lookup("ETHUSD", "m-3").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        }
    }

    @Test
    void refusalsCarryKrakensErrorAndCategory() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            BigDecimal last = TestBars.wave(10).get(4).close();

            assertThatThrownBy(() -> kraken.place(new OrderRequest("post-1", "ETHUSD", Side.BUY, OrderType.LIMIT_MAKER, new BigDecimal("0.1"),
                    Optional.of(last.add(BigDecimal.ONE)), TimeInForce.GTC, false)))
                    .isInstanceOfSatisfying(ExchangeException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
                        assertThat(e.venueCode()).isEqualTo("EOrder:Post only order");
                    });
            assertThatThrownBy(() -> kraken.place(limit("big-1", Side.BUY, "500", "90.00")))
                    .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_FUNDS));
            assertThatThrownBy(() -> kraken.place(limit("tiny-1", Side.BUY, "0.001", "90.00")))
                    .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.venueCode()).isEqualTo("EOrder:Order minimum not met"));
            assertThat(k.sim.acceptedClientOrderIds()).isEmpty();
        }
    }

    @Test
    void validateChecksAnOrderAndPlacesNothing() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            String descr = k.adapter().validate(limit("dry-1", Side.BUY, "1.25", "90.00"));

            assertThat(descr).isEqualTo("buy 1.25000000 ETHUSD @ limit 90.00");
            assertThat(k.sim.acceptedClientOrderIds()).isEmpty();
        }
    }

    @Test
    void cancelAllCancelsTheSymbolsOrdersAndCancelEverythingUsesCancelAll() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter();
            kraken.place(limit("a-1", Side.BUY, "0.1", "80.00"));
            kraken.place(limit("a-2", Side.BUY, "0.1", "81.00"));

            assertThat(kraken.cancelAll("ETHUSD")).isEqualTo(2);
            assertThat(kraken.cancelAll("ETHUSD")).isZero();

            kraken.place(limit("a-3", Side.BUY, "0.1", "82.00"));
            assertThat(kraken.cancelEverything()).isEqualTo(1);
            assertThat(k.sim.requests("/0/private/CancelAll")).isEqualTo(1);
            assertThat(kraken.openOrders("ETHUSD")).isEmpty();
        }
    }

    @Test
    void theDeadMansSwitchIsArmedWhileConnectedAndDisarmedOnClose() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            KrakenAdapter kraken = k.adapter(Map.of("cancelAfterSeconds", "30"));
            kraken.connect(new RecordingSink());

            SimulatedKraken.awaitTrue("CancelAllOrdersAfter armed", k.sim::deadMansSwitchArmed);
            kraken.close();

            assertThat(k.sim.deadMansSwitchArmed()).isFalse();
            assertThat(k.sim.requests("/0/private/CancelAllOrdersAfter")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void nonceFileHoldsTheHighestNonceTheVenueAccepted() throws Exception {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            k.adapter().balances();
            k.adapter().balances(); // a second adapter (a restart) continues above the first

            assertThat(Long.parseLong(java.nio.file.Files.readString(k.nonceFile).strip())).isEqualTo(k.sim.lastNonce());
            assertThat(k.sim.errors("EAPI:Invalid nonce")).isZero();
        }
    }

    @Test
    void closedOrdersAreFoundAfterARestartThroughClosedOrders() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(10), 5)) {
            k.adapter().place(market("done-1", Side.BUY, "0.1"));

            Order order = k.adapter().lookup("ETHUSD", "done-1").orElseThrow();

            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.filledQuantity()).isEqualByComparingTo("0.1");
            assertThat(k.sim.requests("/0/private/ClosedOrders")).isEqualTo(1);
            assertThat(Duration.between(order.createdAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }
}
