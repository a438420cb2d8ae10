package io.tradekit.binance;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One test per defect of issue 11, each failing on the adapter as it was: REST refused making the user
 * stream reconnect in a storm, refused subscriptions never retried, unbounded answers, huge numbers,
 * non-number JSON read as 0, unreadable answers escaping as plain exceptions, {@code serverShutdown}
 * taken for garbage, a firewall's 403 taken for an unknown outcome, cancel-all counting nothing, filters
 * half mapped and instruments cached for ever.
 */
class BinanceHardeningTest {

    private SimulatedBinance venue;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    private static OrderRequest limit(String id, String quantity, String price) {
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal(quantity), Optional.of(new BigDecimal(price)),
                TimeInForce.GTC, false);
    }

    private static boolean userState(Event.ConnectionChanged c, ConnectionState state) {
        return c.stream().equals("user") && c.state() == state;
    }

    @Test
    void whileRestIsDownTheUserStreamBacksOffAndIsReportedDownInsteadOfReconnectingInAStorm() {
        venue.sim.refuseRestConnections(503, Duration.ZERO);
        BinanceAdapter adapter = venue.adapter(Map.of("downAfterAttempts", "5"));
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.DISCONNECTED) && c.detail().startsWith("down after 5"));
        // before the fix each refused clock sample closed the socket and reopened it at once: 400 handshakes in 10 s
        assertThat(venue.sim.webSocketAttempts()).isBetween(5, 6);
        assertThat(sink.all(Event.ErrorRaised.class, e -> e.message().startsWith("could not subscribe to user data"))).isNotEmpty();
    }

    @Test
    void whileRestIsBannedTheUserStreamWaitsOutTheBanAndIsReportedDownAtOnce() {
        venue.sim.refuseRestConnections(418, Duration.ofMinutes(2));
        BinanceAdapter adapter = venue.adapter();
        adapter.connect(sink);
        Event.ConnectionChanged down = sink.await(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.DISCONNECTED));
        assertThat(down.detail()).startsWith("down for 120000 ms as the venue asked");
        assertThat(venue.sim.webSocketAttempts()).isEqualTo(1);
    }

    @Test
    void aRefusedUserDataSubscriptionIsRetriedAfterABackoffAndTheStreamReportedDownMeanwhile() {
        venue.sim.refuseUserDataSubscriptions(4, 429, -1003);
        BinanceAdapter adapter = venue.adapter(Map.of("downAfterAttempts", "3"));
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.DISCONNECTED));
        Event.ConnectionChanged up = sink.await(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.CONNECTED));
        assertThat(up.detail()).startsWith("user data subscribed");
        assertThat(sink.all(Event.ErrorRaised.class, e -> e.message().startsWith("user data subscription refused: -1003"))).hasSize(4);
        assertThat(venue.sim.userDataSubscribers()).isEqualTo(1);
    }

    @Test
    void aBodyThatStallsHalfWayEndsTheNewOrderAsUnknownOutcomeAtTheDeadlineAndItIsNeverResent() {
        BinanceAdapter adapter = venue.adapter(Map.of("requestTimeoutMs", "500"));
        adapter.instrument("ETHUSDT");
        adapter.lookup("ETHUSDT", "warm-up");
        venue.sim.stallNextBodies(1, Duration.ofSeconds(5));
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("stall-1", "0.5", "80")));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).contains("POST /api/v3/order").contains("client order id stall-1");
        assertThat(adapter.lookup("ETHUSDT", "stall-1")).isPresent();
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isEqualTo(1);
    }

    @Test
    void anAnswerOverTheSizeLimitIsRefusedNamingTheCall() {
        BinanceAdapter adapter = venue.adapter(Map.of("maxResponseBytes", "65536"));
        adapter.serverTime();
        venue.sim.answerNext("GET", "/api/v3/account", 200, "application/json", "{\"balances\":[]" + " ".repeat(200_000) + "}");
        ExchangeException e = catchThrowableOfType(ExchangeException.class, adapter::balances);
        assertThat(e.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        assertThat(e.getMessage()).contains("GET /api/v3/account").contains("larger than 65536 bytes");
    }

    @Test
    void aHugeNumberInAStreamFrameIsAnErrorEventAndTheStreamGoesOn() {
        BinanceAdapter adapter = venue.adapter();
        adapter.subscribeTicker("ETHUSDT");
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED);
        venue.sim.step(); // a first ticker: the stream is subscribed at the venue
        sink.await(Event.TickerUpdated.class, t -> true);
        venue.sim.sendToMarketStreams("{\"stream\":\"ethusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"ETHUSDT\",\"b\":\"1E+10000000\",\"B\":\"1\","
                + "\"a\":\"25.36\",\"A\":\"1\"}}");
        Event.ErrorRaised error = sink.await(Event.ErrorRaised.class, e -> e.message().contains("outside the accepted magnitude"));
        assertThat(error.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        venue.sim.step();
        assertThat(sink.awaitCount(Event.TickerUpdated.class, t -> true, 2)).allSatisfy(t -> assertThat(t.ticker().symbol()).isEqualTo("ETHUSDT"));
    }

    @Test
    void anObjectWhereANumberBelongsIsAnErrorNamingTheCallAndTheFieldNeverAZero() {
        BinanceAdapter adapter = venue.adapter();
        adapter.serverTime();
        venue.sim.answerNext("GET", "/api/v3/account", 200, "application/json",
                "{\"balances\":[{\"asset\":\"USDT\",\"free\":{},\"locked\":\"0\"},{\"asset\":\"ETH\",\"free\":\"1\",\"locked\":\"0\"}]}");
        ExchangeException e = catchThrowableOfType(ExchangeException.class, adapter::balances);
        assertThat(e.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        assertThat(e.getMessage()).contains("GET /api/v3/account").contains("field 'free' is an object");
        List<Balance> real = adapter.balances();
        assertThat(real).extracting(Balance::asset).contains("USDT");
    }

    @Test
    void anUnreadableNewOrderAnswerIsAnUnknownOutcomeNamingTheCall() {
        BinanceAdapter adapter = venue.adapter();
        adapter.instrument("ETHUSDT");
        adapter.serverTime();
        venue.sim.answerNext("POST", "/api/v3/order", 200, "application/json", "{\"symbol\":\"ETHUSDT\",\"orderId\":[],\"clientOrderId\":\"x-1\"}");
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("x-1", "0.5", "80")));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).contains("POST /api/v3/order").contains("x-1").contains("field 'orderId' is an array");
    }

    @Test
    void serverShutdownMovesTheMarketStreamToANewConnectionInsteadOfBeingMalformed() {
        BinanceAdapter adapter = venue.adapter();
        adapter.subscribeTicker("ETHUSDT");
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED);
        venue.sim.step(); // data arrives: the connection proved itself
        sink.await(Event.TickerUpdated.class, t -> true);
        venue.sim.sendToMarketStreams("{\"e\":\"serverShutdown\",\"E\":1730000000000}");
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.RECONNECTING
                && c.detail().startsWith("the venue announced a server shutdown"));
        sink.awaitCount(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED, 2);
        assertThat(sink.all(Event.ErrorRaised.class)).isEmpty();
    }

    @Test
    void serverShutdownOnTheWebSocketApiMovesTheUserStream() {
        BinanceAdapter adapter = venue.adapter();
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.CONNECTED));
        venue.sim.sendToUserStreams("{\"event\":{\"e\":\"serverShutdown\",\"E\":1730000000000}}");
        sink.await(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.RECONNECTING) && c.detail().startsWith("the venue announced"));
        sink.awaitCount(Event.ConnectionChanged.class, c -> userState(c, ConnectionState.CONNECTED), 2);
        assertThat(sink.all(Event.ErrorRaised.class)).isEmpty();
    }

    @Test
    void aFirewall403OnANewOrderIsARefusalNotAnUnknownOutcome() {
        BinanceAdapter adapter = venue.adapter();
        adapter.instrument("ETHUSDT");
        adapter.serverTime();
        venue.sim.answerNext("POST", "/api/v3/order", 403, "text/html", "<html><body>403 Forbidden</body></html>");
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.place(limit("waf-1", "0.5", "80")));
        assertThat(e.category()).isEqualTo(ErrorCategory.VENUE_UNAVAILABLE);
        assertThat(e.venueCode()).isEqualTo("HTTP403");
        assertThat(e.getMessage()).contains("web application firewall");
    }

    @Test
    void cancelAllWithAnAnswerThatIsNoListIsAnErrorNotZero() {
        BinanceAdapter adapter = venue.adapter();
        adapter.serverTime();
        venue.sim.answerNext("DELETE", "/api/v3/openOrders", 200, "application/json", "{}");
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> adapter.cancelAll("ETHUSDT"));
        assertThat(e.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        assertThat(e.getMessage()).contains("DELETE /api/v3/openOrders (ETHUSDT)").contains("expected an array");
    }

    @Test
    void ordersBreakingMaxQuantityMaxPriceOrMarketLotSizeAreRefusedBeforeTheyAreSent() {
        BinanceAdapter adapter = venue.adapter();
        adapter.instrument("ETHUSDT");
        OrderRejectedException tooMany = catchThrowableOfType(OrderRejectedException.class,
                () -> adapter.place(limit("f-1", "9000001", "0.5")));
        assertThat(tooMany.rule()).isEqualTo("LOT_SIZE");
        assertThat(tooMany.getMessage()).contains("above the maximum 9000000");
        OrderRejectedException tooDear = catchThrowableOfType(OrderRejectedException.class, () -> adapter.place(limit("f-2", "0.01", "2000000")));
        assertThat(tooDear.rule()).isEqualTo("PRICE_FILTER");
        OrderRejectedException bigMarket = catchThrowableOfType(OrderRejectedException.class, () -> adapter.place(new OrderRequest("f-3",
                "ETHUSDT", Side.BUY, OrderType.MARKET, new BigDecimal("5000"), Optional.empty(), TimeInForce.GTC, false)));
        assertThat(bigMarket.rule()).isEqualTo("MARKET_LOT_SIZE");
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isZero();
    }

    @Test
    void instrumentsAreReadAgainOnceTheirTimeToLiveHasPassed() {
        BinanceAdapter cached = venue.adapter();
        cached.instrument("ETHUSDT");
        cached.instrument("ETHUSDT");
        assertThat(venue.sim.requests("GET", "/api/v3/exchangeInfo")).isEqualTo(1);
        BinanceAdapter fresh = venue.adapter(Map.of("instrumentTtlMs", "0"));
        fresh.instrument("ETHUSDT");
        fresh.instrument("ETHUSDT");
        assertThat(venue.sim.requests("GET", "/api/v3/exchangeInfo")).isEqualTo(3);
    }

    @Test
    void anOversizedStreamMessageIsAnErrorEventAndTheStreamReconnects() {
        BinanceAdapter adapter = venue.adapter(Map.of("maxMessageBytes", "65536"));
        adapter.subscribeTicker("ETHUSDT");
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED);
        venue.sim.step();
        sink.await(Event.TickerUpdated.class, t -> true);
        venue.sim.sendToMarketStreams("{\"stream\":\"ethusdt@bookTicker\",\"data\":\"" + "x".repeat(100_000) + "\"}");
        sink.await(Event.ErrorRaised.class, e -> e.message().equals("market message refused: an inbound message was larger than 65536 bytes"));
        sink.awaitCount(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED, 2);
        venue.sim.step();
        sink.awaitCount(Event.TickerUpdated.class, t -> true, 2);
    }

    @Test
    void theTestOrderEndpointValidatesWithoutPlacing() {
        BinanceAdapter adapter = venue.adapter();
        adapter.validate(limit("dry-1", "0.5", "80"));
        ExchangeException offTick = catchThrowableOfType(ExchangeException.class, () -> adapter.validate(limit("dry-2", "0.5", "80.001")));
        assertThat(offTick.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(offTick.getMessage()).contains("POST /api/v3/order/test").contains("Filter failure: PRICE_FILTER");
        assertThat(venue.sim.requests("POST", "/api/v3/order/test")).isEqualTo(2);
        assertThat(venue.sim.requests("POST", "/api/v3/order")).isZero();
        assertThat(venue.sim.orders()).isEmpty();
    }
}
