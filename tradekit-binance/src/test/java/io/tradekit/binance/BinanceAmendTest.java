package io.tradekit.binance;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Amend keeping priority ({@code PUT /api/v3/order/amend/keepPriority}, {@code order.amend.keepPriority}) against the simulator over loopback. */
class BinanceAmendTest {

    private static final String AMEND_PATH = "/api/v3/order/amend/keepPriority";
    private static final Map<String, String> OVER_WEBSOCKET = Map.of("orderChannel", "websocket", "requestTimeoutMs", "15000");

    private SimulatedBinance venue;

    @AfterEach
    void stop() {
        if (venue != null) venue.close();
    }

    private BinanceAdapter start(Map<String, String> params) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
        return venue.adapter(params);
    }

    private static OrderRequest restingBuy(String id, String quantity) {
        // the wave stays within 90..110: a buy at 80 rests
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal(quantity), Optional.of(new BigDecimal("80.00")),
                TimeInForce.GTC, false);
    }

    private Order atVenue(String clientOrderId) {
        return venue.sim.orders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElseThrow();
    }

    @Test
    void anAmendOverRestLowersTheQuantityAndKeepsBothIds() {
        BinanceAdapter binance = start(Map.of());
        OrderAck placed = binance.place(restingBuy("amend-1", "0.5"));

        Order amended = binance.amendQuantity("ETHUSDT", "amend-1", new BigDecimal("0.2"));

        assertThat(binance.capabilities()).contains(ExchangeAdapter.Capability.AMEND_QUANTITY, ExchangeAdapter.Capability.MARKET_BY_QUOTE,
                ExchangeAdapter.Capability.CANCEL_REPLACE);
        assertThat(amended.clientOrderId()).isEqualTo("amend-1");
        assertThat(amended.venueOrderId()).contains(placed.venueOrderId());
        assertThat(amended.quantity()).isEqualByComparingTo("0.2");
        assertThat(amended.status()).isEqualTo(OrderStatus.NEW);
        assertThat(atVenue("amend-1").quantity()).isEqualByComparingTo("0.2");
        assertThat(binance.lookup("ETHUSDT", "amend-1").orElseThrow().quantity()).isEqualByComparingTo("0.2");
        assertThat(venue.sim.requests("PUT", AMEND_PATH)).isEqualTo(1);
    }

    @Test
    void anAmendOverTheWebSocketApiSendsNoRestRequest() {
        BinanceAdapter binance = start(OVER_WEBSOCKET);
        binance.place(restingBuy("ws-amend", "0.5"));

        Order amended = binance.amendQuantity("ETHUSDT", "ws-amend", new BigDecimal("0.3"));

        assertThat(amended.quantity()).isEqualByComparingTo("0.3");
        assertThat(atVenue("ws-amend").quantity()).isEqualByComparingTo("0.3");
        assertThat(venue.sim.requests("PUT", AMEND_PATH)).isZero();
    }

    @Test
    void onlyADecreaseIsTakenAndEachRefusalSaysWhy() {
        BinanceAdapter binance = start(Map.of());
        binance.place(restingBuy("refused", "0.5"));

        ExchangeException larger = catchThrowableOfType(ExchangeException.class,
                () -> binance.amendQuantity("ETHUSDT", "refused", new BigDecimal("0.6")));
        ExchangeException same = catchThrowableOfType(ExchangeException.class,
                () -> binance.amendQuantity("ETHUSDT", "refused", new BigDecimal("0.5")));
        ExchangeException unknown = catchThrowableOfType(ExchangeException.class,
                () -> binance.amendQuantity("ETHUSDT", "never-placed", new BigDecimal("0.1")));

        assertThat(larger.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(larger.venueCode()).isEqualTo("-2038");
        assertThat(larger.getMessage()).contains("PUT " + AMEND_PATH).contains("refused").contains("Order amend (quantity increase) is not supported.");
        assertThat(same.venueCode()).isEqualTo("-2038");
        assertThat(same.getMessage()).contains("would change no state");
        assertThat(unknown.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(unknown.venueCode()).isEqualTo("-2013");
        assertThat(atVenue("refused").quantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void aFilledOrderCannotBeAmended() {
        BinanceAdapter binance = start(Map.of());
        binance.place(new OrderRequest("taken", "ETHUSDT", Side.BUY, OrderType.MARKET, new BigDecimal("0.2"), Optional.empty(),
                TimeInForce.GTC, false));

        ExchangeException refused = catchThrowableOfType(ExchangeException.class,
                () -> binance.amendQuantity("ETHUSDT", "taken", new BigDecimal("0.1")));

        assertThat(refused.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(atVenue("taken").status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a5xxIsAnUnknownOutcomeAndTheAmendIsNotSentAgain() {
        BinanceAdapter binance = start(Map.of());
        binance.place(restingBuy("lost", "0.5"));
        venue.sim.answerNext("PUT", AMEND_PATH, 503, "text/html", "<html>Service Unavailable</html>");

        ExchangeException unknown = catchThrowableOfType(ExchangeException.class,
                () -> binance.amendQuantity("ETHUSDT", "lost", new BigDecimal("0.2")));

        assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.sim.requests("PUT", AMEND_PATH)).isEqualTo(1);
        assertThat(atVenue("lost").quantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void theUserStreamReportsTheAmendAsAnOrderUpdateNotAnError() {
        BinanceAdapter binance = start(Map.of());
        RecordingSink sink = new RecordingSink();
        binance.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("user") && c.state() == ConnectionState.CONNECTED, Duration.ofSeconds(30));
        binance.place(restingBuy("streamed", "0.5"));
        int before = sink.awaitCount(Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("streamed"), 1).size();

        binance.amendQuantity("ETHUSDT", "streamed", new BigDecimal("0.4"));

        // the venue's executionReport with x = REPLACED: one more update of the order, still NEW
        Event.OrderUpdated replaced = sink.awaitCount(Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("streamed"), before + 1)
                .getLast();
        assertThat(replaced.update().status()).isEqualTo(OrderStatus.NEW);
        assertThat(sink.events()).noneMatch(e -> e instanceof Event.ErrorRaised);
    }
}
