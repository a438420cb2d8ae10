package io.tradekit.kraken.sim;

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
import io.tradekit.kraken.KrakenAdapter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSocket v2 streams of the adapter against the simulator: bars, tickers, executions, reconnects, silence, bad frames. */
class KrakenStreamsTest {

    private static List<Instant> barTimes(RecordingSink sink) {
        return sink.all(Event.BarClosed.class, e -> true).stream().map(e -> e.bar().openTime()).toList();
    }

    @Test
    void barsCloseOverTheStreamOnceEachAfterTheLastClosedOneFromRest() {
        List<Bar> bars = TestBars.wave(20);
        try (SimulatedKraken k = new SimulatedKraken(bars, 5)) {
            KrakenAdapter kraken = k.adapter();
            RecordingSink sink = new RecordingSink();
            kraken.subscribeBars("ETHUSD", Timeframe.M1);
            kraken.subscribeTicker("ETHUSD");
            kraken.connect(sink);
            sink.await(Event.BarClosed.class, e -> e.bar().openTime().equals(bars.get(4).openTime()));
            SimulatedKraken.awaitTrue("subscribed", () -> k.sim.subscribers("ohlc") == 1 && k.sim.subscribers("ticker") == 1);

            for (int i = 0; i < 3; i++) k.sim.step();

            sink.await(Event.BarClosed.class, e -> e.bar().openTime().equals(bars.get(7).openTime()));
            // the first catch-up posts the recent closed bars (0..4 here); the engine drops those its warmup had
            assertThat(barTimes(sink)).containsExactlyElementsOf(bars.subList(0, 8).stream().map(Bar::openTime).toList());
            Bar seventh = sink.all(Event.BarClosed.class, e -> e.bar().openTime().equals(bars.get(7).openTime())).getFirst().bar();
            assertThat(seventh.symbol()).isEqualTo("ETHUSD");
            assertThat(seventh.close()).isEqualByComparingTo(bars.get(7).close());
            assertThat(seventh.high()).isEqualByComparingTo(bars.get(7).high());
            Event.TickerUpdated t = sink.await(Event.TickerUpdated.class, e -> e.ticker().bid().compareTo(bars.get(7).close()) == 0);
            assertThat(t.ticker().ask()).isEqualByComparingTo(bars.get(7).close().add(new BigDecimal("0.01")));
        }
    }

    @Test
    void barsThatClosedWhileTheStreamWasDownAreFetchedOverRestInOrder() {
        List<Bar> bars = TestBars.wave(20);
        try (SimulatedKraken k = new SimulatedKraken(bars, 5)) {
            KrakenAdapter kraken = k.adapter();
            RecordingSink sink = new RecordingSink();
            kraken.subscribeBars("ETH/USD", Timeframe.M1);
            kraken.connect(sink);
            SimulatedKraken.awaitTrue("subscribed", () -> k.sim.subscribers("ohlc") == 1);
            k.sim.step();
            sink.await(Event.BarClosed.class, e -> e.bar().openTime().equals(bars.get(5).openTime()));

            k.sim.silenceStreams(true); // nothing reaches the adapter...
            k.sim.step();
            k.sim.step();
            k.sim.dropAllConnections(); // ...and then the connection is cut
            k.sim.silenceStreams(false);
            sink.await(Event.ConnectionChanged.class, e -> e.state() == ConnectionState.RECONNECTING);
            SimulatedKraken.awaitTrue("resubscribed", () -> kraken.openCounts()[0] >= 2 && k.sim.subscribers("ohlc") == 1);
            k.sim.step();

            sink.await(Event.BarClosed.class, e -> e.bar().openTime().equals(bars.get(8).openTime()));
            assertThat(barTimes(sink)).containsExactlyElementsOf(bars.subList(0, 9).stream().map(Bar::openTime).toList());
            assertThat(sink.all(Event.BarClosed.class, e -> true)).allMatch(e -> e.bar().symbol().equals("ETH/USD"));
        }
    }

    @Test
    void executionsReportFillsAndAfterAReconnectWhatWasMissedComesFromRest() {
        List<Bar> bars = TestBars.wave(30);
        try (SimulatedKraken k = new SimulatedKraken(bars, 5)) {
            KrakenAdapter kraken = k.adapter();
            RecordingSink sink = new RecordingSink();
            kraken.subscribeBars("ETHUSD", Timeframe.M1);
            kraken.connect(sink);
            sink.await(Event.ConnectionChanged.class, e -> e.stream().equals("executions") && e.state() == ConnectionState.CONNECTED);

            kraken.place(new OrderRequest("ex-1", "ETHUSD", Side.BUY, OrderType.MARKET, new BigDecimal("0.2"), Optional.empty(), TimeInForce.GTC, false));
            Event.FillReceived first = sink.await(Event.FillReceived.class, e -> e.fill().clientOrderId().equals("ex-1"));
            sink.await(Event.OrderUpdated.class, e -> e.update().clientOrderId().equals("ex-1") && e.update().status() == OrderStatus.FILLED);
            assertThat(first.fill().quantity()).isEqualByComparingTo("0.2");

            k.sim.silenceStreams(true);
            kraken.place(new OrderRequest("ex-2", "ETHUSD", Side.SELL, OrderType.MARKET, new BigDecimal("0.2"), Optional.empty(), TimeInForce.GTC, false));
            k.sim.dropAllConnections();
            k.sim.silenceStreams(false);

            Event.FillReceived missed = sink.await(Event.FillReceived.class, e -> e.fill().clientOrderId().equals("ex-2"));
            sink.awaitCount(Event.ConnectionChanged.class, e -> e.stream().equals("executions") && e.state() == ConnectionState.CONNECTED, 2);
            assertThat(missed.fill().side()).isEqualTo(Side.SELL);
            assertThat(k.sim.executionSubscriptions()).isGreaterThanOrEqualTo(2);
            // the first fill may be reported again by the resync; its id is the same, so the engine applies it once
            assertThat(sink.all(Event.FillReceived.class, e -> true)).extracting(e -> e.fill().fillId()).containsOnly(first.fill().fillId(),
                    missed.fill().fillId());
        }
    }

    @Test
    void aRestingOrderThatFillsAfterAReconnectIsReportedLive() {
        List<Bar> bars = TestBars.wave(30);
        try (SimulatedKraken k = new SimulatedKraken(bars, 12)) {
            KrakenAdapter kraken = k.adapter();
            RecordingSink sink = new RecordingSink();
            kraken.subscribeBars("ETHUSD", Timeframe.M1);
            kraken.connect(sink);
            sink.await(Event.ConnectionChanged.class, e -> e.stream().equals("executions") && e.state() == ConnectionState.CONNECTED);
            kraken.place(new OrderRequest("rest-98", "ETHUSD", Side.BUY, OrderType.LIMIT_MAKER, new BigDecimal("0.1"),
                    Optional.of(new BigDecimal("98.00")), TimeInForce.GTC, false));

            k.sim.dropAllConnections();
            sink.awaitCount(Event.ConnectionChanged.class, e -> e.stream().equals("executions") && e.state() == ConnectionState.CONNECTED, 2);
            for (int i = 12; i <= 24; i++) k.sim.step(); // bar 24 reaches 98

            sink.await(Event.FillReceived.class, e -> e.fill().clientOrderId().equals("rest-98"));
            sink.await(Event.OrderUpdated.class, e -> e.update().clientOrderId().equals("rest-98") && e.update().status() == OrderStatus.FILLED);
        }
    }

    @Test
    void aMalformedFrameBecomesAnErrorEventAndTheStreamCarriesOn() {
        List<Bar> bars = TestBars.wave(20);
        try (SimulatedKraken k = new SimulatedKraken(bars, 5)) {
            KrakenAdapter kraken = k.adapter();
            RecordingSink sink = new RecordingSink();
            kraken.subscribeBars("ETHUSD", Timeframe.M1);
            kraken.connect(sink);
            SimulatedKraken.awaitTrue("subscribed", () -> k.sim.subscribers("ohlc") == 1);

            k.sim.sendToStreams("{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":\"ETH/USD\",\"interval\":1}]}");
            k.sim.sendToStreams("not json at all");
            k.sim.sendToStreams("{\"channel\":\"ohlc\",\"type\":\"update\"}");
            k.sim.step();

            // Both streams get every frame (the private one calls an ohlc frame an unexpected channel), so the market
            // stream's own errors are awaited by what they say, not by how many errors came first.
            sink.await(Event.ErrorRaised.class, e -> e.category() == ErrorCategory.MALFORMED_DATA && e.source().equals("kraken:market-stream")
                    && e.raw().contains("not json at all"));
            sink.await(Event.ErrorRaised.class, e -> e.category() == ErrorCategory.MALFORMED_DATA && e.source().equals("kraken:market-stream")
                    && e.message().contains("interval_begin"));
            sink.await(Event.BarClosed.class, e -> e.bar().openTime().equals(bars.get(5).openTime()));
        }
    }

    @Test
    void aSilentStreamIsReportedAndReplaced() {
        try (SimulatedKraken k = new SimulatedKraken(TestBars.wave(20), 5)) {
            KrakenAdapter kraken = k.adapter(Map.of("silenceTimeoutMs", "1500", "pingIntervalMs", "250"));
            RecordingSink sink = new RecordingSink();
            kraken.subscribeTicker("ETHUSD");
            kraken.connect(sink);
            SimulatedKraken.awaitTrue("subscribed", () -> k.sim.subscribers("ticker") == 1);

            k.sim.silenceStreams(true);
            // both streams fall silent: each is reported on its own
            sink.await(Event.ErrorRaised.class, e -> e.source().equals("kraken:market-stream") && e.category() == ErrorCategory.NETWORK
                    && e.message().contains("no frame"));
            sink.await(Event.ErrorRaised.class, e -> e.source().equals("kraken:executions") && e.category() == ErrorCategory.NETWORK
                    && e.message().contains("no frame"));
            k.sim.silenceStreams(false);

            SimulatedKraken.awaitTrue("both reconnected", () -> kraken.openCounts()[0] >= 2 && kraken.openCounts()[1] >= 2);
        }
    }
}
