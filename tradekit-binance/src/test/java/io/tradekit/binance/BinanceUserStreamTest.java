package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Order updates and fills from the WebSocket API user data stream, and the REST resync after a drop. */
class BinanceUserStreamTest {

    private SimulatedBinance venue;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 40), 10);
    }

    @AfterEach
    void stop() throws Exception {
        venue.close();
    }

    private BinanceAdapter connect(Map<String, String> params) {
        BinanceAdapter adapter = venue.adapter(params);
        adapter.connect(sink);
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("user") && c.state() == ConnectionState.CONNECTED);
        return adapter;
    }

    /** A buy limit inside the next bar's range: it rests now and fills when that bar closes. */
    private OrderRequest buyFilledByNextBar(String id) {
        Bar next = TestBars.wave("ETHUSDT", Timeframe.M1, 40).get(venue.sim.closedBars().size());
        BigDecimal price = next.low().add(new BigDecimal("0.01")).min(venue.sim.closedBars().getLast().close().subtract(new BigDecimal("0.05")));
        return new OrderRequest(id, "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(price), TimeInForce.GTC, false);
    }

    @Test
    void executionReportsBecomeOrderUpdatesAndFillsWithTheTradeId() {
        BinanceAdapter adapter = connect(Map.of());
        assertThat(venue.sim.userDataSubscribers()).isEqualTo(1);
        OrderRequest request = buyFilledByNextBar("ud-1");
        OrderAck ack = adapter.place(request);
        sink.await(Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("ud-1") && u.update().status() == OrderStatus.NEW);
        venue.sim.step();
        Event.FillReceived fill = sink.await(Event.FillReceived.class, f -> f.fill().clientOrderId().equals("ud-1"));
        Event.OrderUpdated filled = sink.await(Event.OrderUpdated.class,
                u -> u.update().clientOrderId().equals("ud-1") && u.update().status() == OrderStatus.FILLED);
        assertThat(sink.indexOf(fill)).as("the fill comes before the order says FILLED").isLessThan(sink.indexOf(filled));
        assertThat(fill.fill().venueOrderId()).isEqualTo(ack.venueOrderId());
        assertThat(fill.fill().price()).isEqualByComparingTo(request.limitPrice().orElseThrow());
        assertThat(fill.fill().quantity()).isEqualByComparingTo("0.5");
        assertThat(fill.fill().maker()).isTrue();
        List<Fill> trades = adapter.fills("ETHUSDT", Instant.now().minusSeconds(60));
        assertThat(trades).extracting(Fill::fillId).containsExactly(fill.fill().fillId());
        assertThat(filled.update().filledQuantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void aCancelIsReportedUnderTheCancelledOrdersId() {
        BinanceAdapter adapter = connect(Map.of());
        adapter.place(new OrderRequest("ud-c", "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(new BigDecimal("50")),
                TimeInForce.GTC, false));
        adapter.cancel("ETHUSDT", "ud-c");
        sink.await(Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("ud-c") && u.update().status() == OrderStatus.CANCELED);
    }

    @Test
    void aRefusedSubscriptionIsReportedAsAnAuthErrorAndTheStreamNeverCountsAsConnected() {
        BinanceAdapter adapter = venue.adapter(new io.tradekit.api.Credentials(venue.credentials.apiKey(), "wrong-secret"), Map.of());
        adapter.connect(sink);
        Event.ErrorRaised refused = sink.await(Event.ErrorRaised.class, e -> e.source().equals("binance:user-stream"));
        assertThat(refused.category()).isEqualTo(io.tradekit.api.ErrorCategory.AUTH);
        assertThat(refused.message()).contains("-1022").doesNotContain("wrong-secret");
        assertThat(sink.all(Event.ConnectionChanged.class, c -> c.stream().equals("user") && c.state() == ConnectionState.CONNECTED)).isEmpty();
        assertThat(venue.sim.userDataSubscribers()).isZero();
    }

    @Test
    void afterADropFillsMissedMeanwhileArriveFromRestBeforeTheStreamIsTrustedAgain() {
        // slow reconnects, so that the fill surely happens while the stream is down
        BinanceAdapter adapter = connect(Map.of("reconnectInitialMs", "1500", "reconnectMaxMs", "1500"));
        adapter.place(buyFilledByNextBar("ud-2"));
        sink.await(Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("ud-2") && u.update().status() == OrderStatus.NEW);

        venue.sim.dropAllConnections();
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("user") && c.state() == ConnectionState.RECONNECTING);
        venue.sim.step(); // ud-2 fills; nobody is subscribed to hear it
        Event.ConnectionChanged back = sink.await(Event.ConnectionChanged.class,
                c -> c.stream().equals("user") && c.state() == ConnectionState.CONNECTED && c.detail().contains("resynced"));

        Event.FillReceived fill = sink.await(Event.FillReceived.class, f -> f.fill().clientOrderId().equals("ud-2"));
        Event.OrderUpdated filled = sink.await(Event.OrderUpdated.class,
                u -> u.update().clientOrderId().equals("ud-2") && u.update().status() == OrderStatus.FILLED);
        assertThat(sink.indexOf(fill)).isLessThan(sink.indexOf(back));
        assertThat(sink.indexOf(filled)).isLessThan(sink.indexOf(back));
        assertThat(fill.fill().fillId()).isEqualTo(adapter.fills("ETHUSDT", Instant.now().minusSeconds(60)).getFirst().fillId());
        assertThat(venue.sim.userDataSubscribers()).isEqualTo(1);
    }
}
