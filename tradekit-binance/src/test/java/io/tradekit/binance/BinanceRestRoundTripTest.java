package io.tradekit.binance;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.binance.internal.BinanceSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The adapter's REST calls against the simulator over real loopback sockets. */
class BinanceRestRoundTripTest {

    private SimulatedBinance venue;

    @AfterEach
    void stop() throws Exception {
        if (venue != null) venue.close();
    }

    private BinanceAdapter start(int bars, int initialBars) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, bars), initialBars);
        return venue.adapter();
    }

    private static OrderRequest limit(String id, Side side, String quantity, String price) {
        return new OrderRequest(id, "ETHUSDT", side, OrderType.LIMIT, new BigDecimal(quantity), Optional.of(new BigDecimal(price)), TimeInForce.GTC, false);
    }

    private static OrderRequest market(String id, Side side, String quantity) {
        return new OrderRequest(id, "ETHUSDT", side, OrderType.MARKET, new BigDecimal(quantity), Optional.empty(), TimeInForce.GTC, false);
    }

    @Test
    void instrumentAndServerTimeComeFromTheVenue() {
        BinanceAdapter adapter = start(10, 5);
        Instrument eth = adapter.instrument("ETHUSDT");
        assertThat(eth).isEqualTo(new Instrument("ETHUSDT", "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
                new BigDecimal("0.0001"), new BigDecimal("5")));
        Instant before = Instant.now().minusSeconds(5);
        assertThat(adapter.serverTime()).isAfter(before).isBefore(Instant.now().plusSeconds(5));
        ExchangeException unknown = catchThrowableOfType(ExchangeException.class, () -> adapter.instrument("NOPEUSDT"));
        assertThat(unknown.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(unknown.venueCode()).isEqualTo("-1121");
    }

    @Test
    void historyPagesThroughKlinesAThousandAtATime() {
        BinanceAdapter adapter = start(2500, 2500);
        List<Bar> all = venue.sim.closedBars();
        List<Bar> history = adapter.history("ETHUSDT", Timeframe.M1, all.getFirst().openTime(), all.getLast().closeTime());
        assertThat(history).usingElementComparator(TestBars.BY_VALUE).containsExactlyElementsOf(all);
        assertThat(venue.sim.requests("GET", "/api/v3/klines")).isEqualTo(3);
        List<Bar> middle = adapter.history("ETHUSDT", Timeframe.M1, all.get(100).openTime(), all.get(110).openTime());
        assertThat(middle).usingElementComparator(TestBars.BY_VALUE).containsExactlyElementsOf(all.subList(100, 110));
    }

    @Test
    void placesQueriesListsAndCancelsALimitOrder() {
        BinanceAdapter adapter = start(10, 5);
        OrderAck ack = adapter.place(limit("grid-buy-1", Side.BUY, "0.5", "80.00"));
        assertThat(ack.clientOrderId()).isEqualTo("grid-buy-1");
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(ack.venueOrderId()).matches("[0-9]+");
        assertThat(ack.fills()).isEmpty();

        Order seen = adapter.lookup("ETHUSDT", "grid-buy-1").orElseThrow();
        assertThat(seen.status()).isEqualTo(OrderStatus.NEW);
        assertThat(seen.limitPrice()).contains(new BigDecimal("80.00000000"));
        assertThat(seen.quantity()).isEqualByComparingTo("0.5");
        assertThat(adapter.openOrders("ETHUSDT")).extracting(Order::clientOrderId).containsExactly("grid-buy-1");
        Balance usdt = adapter.balances().stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow();
        assertThat(usdt.locked()).isEqualByComparingTo("40.04"); // 0.5 x 80 plus the 10 bps fee reserved
        assertThat(usdt.free().add(usdt.locked())).isEqualByComparingTo("10000");

        adapter.cancel("ETHUSDT", "grid-buy-1");
        assertThat(adapter.lookup("ETHUSDT", "grid-buy-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(adapter.openOrders("ETHUSDT")).isEmpty();
        ExchangeException gone = catchThrowableOfType(ExchangeException.class, () -> adapter.cancel("ETHUSDT", "grid-buy-1"));
        assertThat(gone.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(gone.venueCode()).isEqualTo("-2011");
        assertThat(adapter.lookup("ETHUSDT", "never-sent")).isEmpty();
    }

    @Test
    void aMarketOrderFillsAtOnceAndItsFillsAreTheAccountsTrades() {
        BinanceAdapter adapter = start(10, 5);
        Instant before = Instant.now().minusSeconds(1);
        OrderAck ack = adapter.place(market("mkt-1", Side.BUY, "1.5"));
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ack.filledQuantity()).isEqualByComparingTo("1.5");
        assertThat(ack.fills()).hasSize(1);
        Fill fill = ack.fills().getFirst();
        assertThat(fill.fillId()).matches("[0-9]+");
        assertThat(fill.price()).isEqualByComparingTo(venue.sim.closedBars().getLast().close().add(new BigDecimal("0.01")));

        List<Fill> trades = adapter.fills("ETHUSDT", before);
        assertThat(trades).extracting(Fill::fillId).containsExactly(fill.fillId());
        assertThat(trades.getFirst().clientOrderId()).isEqualTo("mkt-1");
        assertThat(trades.getFirst().quantity()).isEqualByComparingTo("1.5");
        assertThat(trades.getFirst().side()).isEqualTo(Side.BUY);
        assertThat(adapter.balances()).anySatisfy(b -> {
            assertThat(b.asset()).isEqualTo("ETH");
            assertThat(b.free()).isEqualByComparingTo("1.5");
        });
    }

    @Test
    void aResultResponseCarriesTheStatusButNoFills() {
        start(10, 5);
        BinanceAdapter adapter = venue.adapter(Map.of("orderResponse", "result"));
        OrderAck ack = adapter.place(market("mkt-r", Side.BUY, "0.2"));
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ack.fills()).isEmpty();
        assertThat(adapter.fills("ETHUSDT", Instant.now().minusSeconds(60))).hasSize(1);
    }

    @Test
    void cancelAllCountsWhatItCancelled() {
        BinanceAdapter adapter = start(10, 5);
        for (int i = 1; i <= 3; i++) {
            adapter.place(limit("g" + i, Side.BUY, "0.1", "8" + i + ".00"));
        }
        assertThat(adapter.cancelAll("ETHUSDT")).isEqualTo(3);
        assertThat(adapter.openOrders("ETHUSDT")).isEmpty();
        assertThat(adapter.cancelAll("ETHUSDT")).isZero();
    }

    @Test
    void filterFailuresAreRefusedWithBinancesMessages() {
        BinanceAdapter adapter = start(10, 5);
        assertThat(refusal(adapter, limit("f1", Side.BUY, "0.5", "80.005"))).contains("Filter failure: PRICE_FILTER");
        assertThat(refusal(adapter, limit("f2", Side.BUY, "0.50005", "80"))).contains("Filter failure: LOT_SIZE");
        assertThat(refusal(adapter, limit("f3", Side.BUY, "0.05", "80"))).contains("Filter failure: NOTIONAL");
        assertThat(venue.sim.errors(-1013)).isEqualTo(3);
    }

    private static String refusal(BinanceAdapter adapter, OrderRequest request) {
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(request));
        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(e.venueCode()).isEqualTo("-1013");
        return e.getMessage();
    }

    @Test
    void anOrderBeyondTheBalanceIsInsufficientFunds() {
        BinanceAdapter adapter = start(10, 5);
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(market("big", Side.BUY, "1000")));
        assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_FUNDS);
        assertThat(e.venueCode()).isEqualTo("-2010");
        assertThat(e.getMessage()).contains("Account has insufficient balance for requested action.");
        ExchangeException sell = catchThrowableOfType(ExchangeException.class, () -> adapter.place(market("sell", Side.SELL, "1")));
        assertThat(sell.category()).isEqualTo(ErrorCategory.INSUFFICIENT_FUNDS);
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRefused() {
        BinanceAdapter adapter = start(10, 5);
        OrderRequest maker = new OrderRequest("pm-1", "ETHUSDT", Side.BUY, OrderType.LIMIT_MAKER, BigDecimal.ONE,
                Optional.of(new BigDecimal("150")), TimeInForce.GTC, false);
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(maker));
        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(e.getMessage()).contains("Order would immediately match and take.");
    }

    @Test
    void aReusedClientOrderIdIsReportedAsAlreadyAtTheVenue() {
        BinanceAdapter adapter = start(10, 5);
        adapter.place(limit("same-id", Side.BUY, "0.5", "80"));
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("same-id", Side.BUY, "0.5", "80")));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).contains("Duplicate order sent.");
        assertThat(venue.sim.orders()).hasSize(1);
    }

    @Test
    void aWrongApiKeyIsAnAuthFailureThatNamesNoSecret() {
        start(10, 5);
        Credentials stranger = new Credentials("strangerKey0000000000000000", "strangerSecret");
        BinanceAdapter adapter = venue.adapter(stranger, Map.of());
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.balances());
        assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(e.venueCode()).isEqualTo("-2015");
        assertThat(e.getMessage()).doesNotContain("strangerSecret").doesNotContain("strangerKey");
    }

    @Test
    void aWrongSecretFailsTheSignatureCheck() {
        start(10, 5);
        BinanceAdapter adapter = venue.adapter(new Credentials(venue.credentials.apiKey(), "not-the-secret"), Map.of());
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("x1", Side.BUY, "0.5", "80")));
        assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(e.venueCode()).isEqualTo("-1022");
        assertThat(venue.sim.orders()).isEmpty();
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedWithMinus1021() throws Exception {
        start(10, 5);
        BinanceSigner signer = new BinanceSigner(venue.credentials.secret());
        HttpClient http = HttpClient.newHttpClient();
        long now = System.currentTimeMillis();
        for (long timestamp : new long[] {now - 60_000, now + 5_000}) {
            String query = "recvWindow=5000&timestamp=" + timestamp;
            HttpRequest request = HttpRequest.newBuilder(URI.create(venue.sim.restUrl() + "/api/v3/account?" + query + "&signature=" + signer.sign(query, "")))
                    .header("X-MBX-APIKEY", venue.credentials.apiKey()).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("{\"code\":-1021,\"msg\":\"Timestamp for this request");
            assertThat(response.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
        }
    }

    @Test
    void aSkewedServerClockIsAbsorbedByTheSampledOffset() {
        start(10, 5);
        venue.sim.skewClock(Duration.ofSeconds(-40));
        BinanceAdapter adapter = venue.adapter();
        adapter.place(limit("skew-1", Side.BUY, "0.5", "80"));
        assertThat(venue.sim.errors(-1021)).isZero();
    }

    @Test
    void aClockThatMovesAfterSyncingCostsOneResyncAndOneRetry() {
        BinanceAdapter adapter = start(10, 5);
        adapter.place(limit("c-1", Side.BUY, "0.5", "80"));
        int timeRequests = venue.sim.requests("GET", "/api/v3/time");
        venue.sim.skewClock(Duration.ofSeconds(-30)); // the venue's clock jumps back: our timestamps are now ahead
        adapter.place(limit("c-2", Side.BUY, "0.5", "81"));
        assertThat(venue.sim.errors(-1021)).isEqualTo(1);
        assertThat(venue.sim.requests("GET", "/api/v3/time")).isGreaterThan(timeRequests);
        assertThat(venue.sim.orders()).extracting(Order::clientOrderId).containsExactly("c-1", "c-2");
    }

    @Test
    void aClientOrderIdOutsideTheAllowedCharactersIsRefusedBeforeSending() {
        BinanceAdapter adapter = start(10, 5);
        assertThatThrownBy(() -> adapter.cancel("ETHUSDT", "bad id!")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[A-Za-z0-9_-]{1,36}");
        assertThatThrownBy(() -> adapter.lookup("ETHUSDT", "x".repeat(37))).isInstanceOf(InvalidInputException.class);
        assertThat(venue.sim.requests("DELETE", "/api/v3/order") + venue.sim.requests("GET", "/api/v3/order")).isZero();
    }
}
