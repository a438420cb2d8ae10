package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.binance.internal.MarketStream;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.StreamEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Klines and book tickers over a real WebSocket from the simulator, through drops and reconnects. */
class BinanceMarketStreamTest {

    private SimulatedBinance venue;

    @AfterEach
    void stop() throws Exception {
        if (venue != null) venue.close();
    }

    private BinanceAdapter connected(RecordingSink sink) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M5, 60), 10);
        BinanceAdapter adapter = venue.adapter();
        adapter.subscribeBars("ETHUSDT", Timeframe.M5);
        adapter.subscribeTicker("ETHUSDT");
        adapter.connect(sink);
        // the stream takes over from the last bar closed before it: read over REST and posted first
        sink.await(Event.BarClosed.class, b -> b.bar().openTime().equals(venue.sim.closedBars().getLast().openTime()));
        SimulatedBinance.awaitTrue("the kline stream is subscribed", () -> venue.sim.klineSubscribers() == 1);
        return adapter;
    }

    private List<Bar> barsClosed(RecordingSink sink) {
        return sink.all(Event.BarClosed.class).stream().map(Event.BarClosed::bar).toList();
    }

    @Test
    void onlyClosedKlinesBecomeBarsAndEveryStepQuotesTheBook() {
        RecordingSink sink = new RecordingSink();
        connected(sink);
        for (int i = 0; i < 3; i++) venue.sim.step();
        List<Event.BarClosed> bars = sink.awaitCount(Event.BarClosed.class, b -> true, 4);
        List<Event.TickerUpdated> tickers = sink.awaitCount(Event.TickerUpdated.class, t -> true, 3);
        List<Bar> expected = venue.sim.closedBars().subList(9, 13);
        assertThat(bars.stream().map(Event.BarClosed::bar).toList()).usingElementComparator(TestBars.BY_VALUE).containsExactlyElementsOf(expected);
        assertThat(venue.sim.requests("GET", "/api/v3/klines")).as("one read to find where the stream takes over").isEqualTo(1);
        assertThat(tickers.getLast().ticker().bid()).isEqualByComparingTo(expected.getLast().close());
        assertThat(tickers.getLast().ticker().ask()).isEqualByComparingTo(expected.getLast().close().add(new BigDecimal("0.01")));
        assertThat(sink.all(Event.ErrorRaised.class)).isEmpty();
        assertThat(sink.all(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED)).hasSize(1);
    }

    @Test
    void afterEveryDropItReconnectsResubscribesAndDeliversEachBarOnceInOrder() {
        RecordingSink sink = new RecordingSink();
        BinanceAdapter adapter = connected(sink);
        venue.sim.step();
        for (int drop = 1; drop <= 3; drop++) {
            venue.sim.dropAllConnections();
            venue.sim.step(); // closes while the stream may be down: fetched over REST after the reconnect
            venue.sim.step();
            int expectedOpens = drop + 1;
            SimulatedBinance.awaitTrue("reconnected", () -> sink.all(Event.ConnectionChanged.class,
                    c -> c.stream().equals("market") && c.state() == ConnectionState.CONNECTED).size() >= expectedOpens);
            SimulatedBinance.awaitTrue("resubscribed", () -> venue.sim.klineSubscribers() == 1);
            venue.sim.step();
        }
        List<Bar> expected = venue.sim.closedBars().subList(9, venue.sim.closedBars().size());
        sink.awaitCount(Event.BarClosed.class, b -> true, expected.size());
        assertThat(barsClosed(sink)).usingElementComparator(TestBars.BY_VALUE).containsExactlyElementsOf(expected);
        assertThat(sink.all(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.RECONNECTING))
                .hasSizeGreaterThanOrEqualTo(3);
        adapter.close();
        sink.await(Event.ConnectionChanged.class, c -> c.stream().equals("market") && c.state() == ConnectionState.DISCONNECTED);
    }

    @Test
    void aMalformedFrameBecomesAnErrorEventWithTheRawTextAndNothingEscapes() {
        RecordingSink recorded = new RecordingSink();
        StreamEvents sink = new StreamEvents();
        sink.attach(recorded);
        BinanceConfig config = BinanceConfig.from(new ExchangeSettings(Params.of("binance", Map.of()), Optional.empty()));
        MarketStream stream = new MarketStream(config, sink, new ClosedBarFeed.Backfill() {
            public List<Bar> closedBarsSince(String s, Timeframe t, java.time.Instant f) { return List.of(); }
            public List<Bar> recentClosed(String s, Timeframe t) { return List.of(); }
        }, Runnable::run, InstantSource.system());
        stream.subscribeKlines("ETHUSDT", Timeframe.M1);

        stream.onText("{\"stream\":\"ethusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{\"x\":true");
        stream.onText("{\"stream\":\"ethusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"ETHUSDT\",\"k\":{\"t\":0,\"s\":\"ETHUSDT\","
                + "\"i\":\"1m\",\"o\":\"10\",\"c\":\"11\",\"h\":\"9\",\"l\":\"8\",\"v\":\"1\",\"x\":true}}}");
        stream.onText("{\"stream\":\"ethusdt@depth\",\"data\":{\"lastUpdateId\":1}}");
        stream.onText("x".repeat(5000));

        List<Event.ErrorRaised> errors = recorded.all(Event.ErrorRaised.class);
        assertThat(errors).hasSize(4).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
            assertThat(e.source()).isEqualTo("binance:market-stream");
        });
        assertThat(errors.get(0).raw()).startsWith("{\"stream\":\"ethusdt@kline_1m\"");
        assertThat(errors.get(1).message()).contains("high/low do not enclose");
        assertThat(errors.get(2).message()).contains("ethusdt@depth");
        assertThat(errors.get(3).raw()).hasSizeLessThan(600).endsWith("(5000 chars)");
        assertThat(recorded.all(Event.BarClosed.class)).isEmpty();
    }
}
