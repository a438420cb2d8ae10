package io.tradekit.bybit;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.conformance.EventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The public and private WebSockets against the simulator: bars, tickers, fills, reconnects, resync, bad frames and silence. */
class BybitStreamsTest {

    private final List<Bar> bars = TestBars.wave("ETHUSDT", Timeframe.M1, 40);
    private final SimulatedBybit venue = new SimulatedBybit(bars, 20);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EventLog sink = new EventLog();

    @AfterEach
    void close() {
        venue.close();
    }

    private static boolean barAt(Event.BarClosed e, Bar bar) {
        return e.bar().openTime().equals(bar.openTime());
    }

    private void awaitPrivateConnected(int times) {
        sink.awaitCount("the private stream CONNECTED (" + times + " times)", Event.ConnectionChanged.class,
                c -> c.stream().equals("private") && c.state() == ConnectionState.CONNECTED, times, WAIT);
    }

    @Test
    void aClosedKlineIsPostedOnceAfterTheLastBarClosedBeforeTheStreamTookOver() {
        BybitAdapter bybit = venue.adapter();
        bybit.subscribeBars("ETHUSDT", Timeframe.M1);
        bybit.connect(sink);
        sink.await("the closed bar 19", Event.BarClosed.class, e -> barAt(e, bars.get(19)), WAIT);
        SimulatedBybit.awaitTrue("subscribed", () -> venue.sim.klineSubscribers() == 1);

        venue.sim.step();

        Event.BarClosed next = sink.await("the closed bar 20", Event.BarClosed.class, e -> barAt(e, bars.get(20)), WAIT);
        assertThat(next.bar().close()).isEqualByComparingTo(bars.get(20).close());
        assertThat(next.bar().high()).isEqualByComparingTo(bars.get(20).high());
        assertThat(sink.all(Event.BarClosed.class, e -> true)).extracting(e -> e.bar().openTime())
                .containsExactly(bars.get(19).openTime(), bars.get(20).openTime());
    }

    @Test
    void aTickerCarriesTheLastPrice() {
        BybitAdapter bybit = venue.adapter();
        bybit.subscribeTicker("ETHUSDT");
        bybit.connect(sink);
        SimulatedBybit.awaitTrue("subscribed", () -> venue.sim.publicSubscribers("tickers.ETHUSDT") == 1);

        venue.sim.step();

        Event.TickerUpdated t = sink.await("a ticker", Event.TickerUpdated.class, e -> true, WAIT);
        assertThat(t.ticker().symbol()).isEqualTo("ETHUSDT");
        assertThat(t.ticker().last()).isEqualByComparingTo(bars.get(20).close());
    }

    @Test
    void afterADropTheStreamResubscribesAndCatchesUpOnBarsMissedOverRest() {
        BybitAdapter bybit = venue.adapter();
        bybit.subscribeBars("ETHUSDT", Timeframe.M1);
        bybit.connect(sink);
        sink.await("the closed bar 19", Event.BarClosed.class, e -> barAt(e, bars.get(19)), WAIT);
        SimulatedBybit.awaitTrue("subscribed", () -> venue.sim.klineSubscribers() == 1);

        venue.sim.dropAllConnections();
        venue.sim.step();
        venue.sim.step();
        sink.await("the closed bar 21", Event.BarClosed.class, e -> barAt(e, bars.get(21)), WAIT);
        SimulatedBybit.awaitTrue("resubscribed", () -> venue.sim.klineSubscribers() == 1);
        venue.sim.step();
        sink.await("the closed bar 22", Event.BarClosed.class, e -> barAt(e, bars.get(22)), WAIT);

        assertThat(sink.all(Event.BarClosed.class, e -> true)).extracting(e -> e.bar().openTime())
                .containsExactly(bars.get(19).openTime(), bars.get(20).openTime(), bars.get(21).openTime(), bars.get(22).openTime());
        assertThat(sink.all(Event.ConnectionChanged.class, c -> c.state() == ConnectionState.RECONNECTING)).isNotEmpty();
    }

    @Test
    void malformedFramesBecomeErrorEventsAndTheStreamGoesOn() {
        BybitAdapter bybit = venue.adapter();
        bybit.subscribeBars("ETHUSDT", Timeframe.M1);
        bybit.connect(sink);
        sink.await("the closed bar 19", Event.BarClosed.class, e -> barAt(e, bars.get(19)), WAIT);
        SimulatedBybit.awaitTrue("subscribed", () -> venue.sim.klineSubscribers() == 1);

        venue.sim.sendRawFrame(false, "{not json");
        venue.sim.sendRawFrame(false, "{\"topic\":\"" + "x".repeat(1 << 21) + "\"}");
        // A message over the socket's limit is refused and the connection replaced (core's ReconnectingWebSocket):
        // the next frame goes to the new connection once it has resubscribed.
        sink.await("a stream RECONNECTING", Event.ConnectionChanged.class, c -> c.state() == ConnectionState.RECONNECTING, WAIT);
        SimulatedBybit.awaitTrue("resubscribed", () -> venue.sim.klineSubscribers() == 1
                && !sink.all(Event.ConnectionChanged.class, c -> "reconnected".equals(c.detail())).isEmpty());
        venue.sim.sendRawFrame(false, "{\"topic\":\"kline.1.ETHUSDT\",\"ts\":1,\"type\":\"snapshot\",\"data\":[{\"start\":1,\"open\":\"1\"}]}");
        venue.sim.step();

        List<Event.ErrorRaised> errors = sink.awaitCount("three MALFORMED_DATA errors", Event.ErrorRaised.class,
                e -> e.category() == ErrorCategory.MALFORMED_DATA, 3, WAIT);
        assertThat(errors.get(0).raw()).isEqualTo("{not json");
        assertThat(errors.get(1).message()).contains("larger than 1048576 bytes");
        assertThat(errors.get(1).raw()).hasSizeLessThan(600);
        assertThat(errors.get(2).message()).contains("confirm");
        sink.await("the closed bar 20", Event.BarClosed.class, e -> barAt(e, bars.get(20)), WAIT);
    }

    @Test
    void thePrivateStreamDeliversFillsAndOrderUpdatesUnderTheClientOrderId() {
        BybitAdapter bybit = venue.adapter();
        bybit.connect(sink);
        awaitPrivateConnected(1);

        bybit.place(new OrderRequest("p-1", "ETHUSDT", Side.BUY, OrderType.MARKET, new BigDecimal("0.2"), Optional.empty(), TimeInForce.GTC, false));

        Event.FillReceived fill = sink.await("a fill of order p-1", Event.FillReceived.class, f -> f.fill().clientOrderId().equals("p-1"), WAIT);
        assertThat(fill.fill().quantity()).isEqualByComparingTo("0.2");
        assertThat(fill.fill().fillId()).isNotBlank();
        sink.await("order p-1 reported FILLED", Event.OrderUpdated.class,
                u -> u.update().clientOrderId().equals("p-1") && u.update().status() == OrderStatus.FILLED, WAIT);
    }

    @Test
    void aFillMissedWhileThePrivateStreamWasDownIsResyncedOverRest() {
        BybitAdapter bybit = venue.adapter();
        bybit.connect(sink);
        awaitPrivateConnected(1);
        BigDecimal nextLow = bars.get(20).low();
        bybit.place(new OrderRequest("r-1", "ETHUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.2"),
                Optional.of(nextLow.add(new BigDecimal("0.01"))), TimeInForce.GTC, false));
        sink.await("an update of order r-1", Event.OrderUpdated.class, u -> u.update().clientOrderId().equals("r-1"), WAIT);

        venue.sim.dropAllConnections();
        venue.sim.step(); // the order fills while no private connection is there to hear it

        Event.FillReceived fill = sink.await("a fill of order r-1", Event.FillReceived.class, f -> f.fill().clientOrderId().equals("r-1"), WAIT);
        assertThat(fill.fill().quantity()).isEqualByComparingTo("0.2");
        sink.await("the private stream reconnected after a REST resync", Event.ConnectionChanged.class,
                c -> c.stream().equals("private") && c.detail().contains("resynced"), WAIT);
        sink.await("order r-1 reported FILLED", Event.OrderUpdated.class,
                u -> u.update().clientOrderId().equals("r-1") && u.update().status() == OrderStatus.FILLED, WAIT);
    }

    @Test
    void aStreamThatGoesSilentIsReportedAndReconnected() {
        BybitAdapter bybit = venue.adapter(Map.of("pingIntervalMs", "100", "silenceTimeoutMs", "500"));
        bybit.connect(sink);
        awaitPrivateConnected(1);

        venue.sim.silenceStreams(Duration.ofMillis(1500));

        Event.ErrorRaised silence = sink.await("the silence reported", Event.ErrorRaised.class, e -> e.message().contains("no frame for"), WAIT);
        assertThat(silence.category()).isEqualTo(ErrorCategory.NETWORK);
        awaitPrivateConnected(2);
    }
}
