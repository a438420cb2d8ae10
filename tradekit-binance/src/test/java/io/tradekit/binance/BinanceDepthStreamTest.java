package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.BookLevel;
import io.tradekit.api.OrderBook;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.sim.BinanceSimulator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's local order book against the simulator's, over real sockets: Binance's snapshot-and-diff
 * procedure, resync on a gap, refused snapshots and bad frames. "Equal" means the same update id and the same
 * levels, price for price and quantity for quantity.
 */
class BinanceDepthStreamTest {

    private static final String SYMBOL = "ETHUSDT";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static List<Bar> bars() {
        return TestBars.wave(SYMBOL, Timeframe.M1, 30);
    }

    /** Levels by value: the wire carries eight decimals, the simulator's book the data's own scale. */
    private static List<String> levels(List<BookLevel> side) {
        return side.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + " x " + l.quantity().stripTrailingZeros().toPlainString())
                .toList();
    }

    private static Optional<OrderBook> latest(RecordingSink sink) {
        List<Event.OrderBookUpdated> books = sink.all(Event.OrderBookUpdated.class, e -> e.book().symbol().equals(SYMBOL));
        return books.isEmpty() ? Optional.empty() : Optional.of(books.getLast().book());
    }

    /** Waits until the adapter's latest book has the simulator's update id, then checks they are level for level the same. */
    static OrderBook awaitSameBook(RecordingSink sink, BinanceSimulator sim) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            OrderBook venue = sim.depthBook(SYMBOL);
            Optional<OrderBook> mine = latest(sink);
            if (mine.isPresent() && mine.get().lastUpdateId() == venue.lastUpdateId()) {
                assertThat(levels(mine.get().bids())).as("bids at update %d", venue.lastUpdateId()).isEqualTo(levels(venue.bids()));
                assertThat(levels(mine.get().asks())).as("asks at update %d", venue.lastUpdateId()).isEqualTo(levels(venue.asks()));
                return mine.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the adapter's book did not reach the simulator's update " + venue.lastUpdateId() + " within "
                        + PATIENCE + "; latest: " + mine.map(OrderBook::lastUpdateId).orElse(null));
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Test
    void aGapInUpdateIdsTriggersAResyncAfterWhichTheBookEqualsTheSimulators() {
        try (SimulatedBinance venue = new SimulatedBinance(bars(), 5)) {
            BinanceAdapter adapter = venue.adapter();
            RecordingSink sink = new RecordingSink();
            adapter.subscribeOrderBook(SYMBOL);
            adapter.connect(sink);
            awaitSameBook(sink, venue.sim);
            assertThat(venue.sim.requests("GET", "/api/v3/depth")).as("one snapshot to start").isEqualTo(1);

            long beforeGap = venue.sim.depthBook(SYMBOL).lastUpdateId();
            venue.sim.dropNextDepthUpdates(1);
            venue.sim.step(); // its diff never leaves the venue
            long dropped = venue.sim.depthBook(SYMBOL).lastUpdateId();
            venue.sim.step(); // its diff starts after the dropped one: the adapter sees the gap
            OrderBook resynced = awaitSameBook(sink, venue.sim);

            assertThat(venue.sim.requests("GET", "/api/v3/depth")).as("a second snapshot after the gap").isEqualTo(2);
            assertThat(resynced.lastUpdateId()).isGreaterThan(dropped);
            List<Long> posted = sink.all(Event.OrderBookUpdated.class).stream().map(e -> e.book().lastUpdateId()).toList();
            assertThat(posted).as("no book posted from the diffs around the gap").noneMatch(id -> id > beforeGap && id <= dropped);
            assertThat(posted).isSorted();
        }
    }

    @Test
    void underSteadyUpdatesTheBookEqualsTheSimulatorsAtEveryCheckpoint() {
        try (SimulatedBinance venue = new SimulatedBinance(bars(), 5)) {
            BinanceAdapter adapter = venue.adapter();
            RecordingSink sink = new RecordingSink();
            adapter.connect(sink);
            adapter.subscribeOrderBook(SYMBOL); // after connect: the stream opens then
            awaitSameBook(sink, venue.sim);
            for (int i = 0; i < 10; i++) {
                if (i == 2) {
                    // a resting bid far below the synthetic levels: 0.5 at 80 shows as a level of its own
                    adapter.place(new OrderRequest("depth-bid-1", SYMBOL, Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"),
                            Optional.of(new BigDecimal("80")), TimeInForce.GTC, false));
                }
                if (i == 4) venue.sim.delayDepthUpdates(Duration.ofMillis(150));
                if (i == 6) venue.sim.delayDepthUpdates(Duration.ZERO);
                if (i == 8) {
                    // this step's diff goes out behind the next step's: the adapter meets a gap, then an old diff
                    venue.sim.reorderNextDepthUpdate();
                    venue.sim.step();
                }
                venue.sim.step();
                OrderBook book = awaitSameBook(sink, venue.sim);
                if (i >= 2) {
                    assertThat(levels(book.bids())).as("the resting order is in the book").endsWith("80 x 0.5");
                }
            }
            Bar last = venue.sim.closedBars().getLast();
            OrderBook book = latest(sink).orElseThrow();
            // the touch after a bar: bid at its close, ask one tick (0.01) above
            assertThat(book.bestBid().price()).isEqualByComparingTo(last.close());
            assertThat(book.bestAsk().price()).isEqualByComparingTo(last.close().add(new BigDecimal("0.01")));
        }
    }

    @Test
    void refusedSnapshotsAreRetriedWithBackoffAndTheBookIsReportedDownPastTheThreshold() {
        try (SimulatedBinance venue = new SimulatedBinance(bars(), 5)) {
            BinanceAdapter adapter = venue.adapter(Map.of("downAfterAttempts", "2"));
            RecordingSink sink = new RecordingSink();
            venue.sim.refuseDepthSnapshots(9); // three attempts of the adapter, each tried three times by its REST retry
            adapter.subscribeOrderBook(SYMBOL);
            adapter.connect(sink);

            Event.ConnectionChanged down = sink.await(Event.ConnectionChanged.class,
                    c -> c.stream().equals("depth " + SYMBOL) && c.state() == ConnectionState.DISCONNECTED, PATIENCE);
            Event.ConnectionChanged up = sink.await(Event.ConnectionChanged.class,
                    c -> c.stream().equals("depth " + SYMBOL) && c.state() == ConnectionState.CONNECTED, PATIENCE);
            awaitSameBook(sink, venue.sim);

            assertThat(down.detail()).contains("snapshot failed 2 times in a row").contains("still trying");
            assertThat(venue.sim.requests("GET", "/api/v3/depth")).isEqualTo(10);
            Event firstBook = sink.all(Event.OrderBookUpdated.class).getFirst();
            assertThat(sink.indexOf(down)).as("reported down before any book").isLessThan(sink.indexOf(firstBook));
            assertThat(sink.indexOf(up)).isGreaterThan(sink.indexOf(down));
        }
    }

    @Test
    void aDiffThatWouldCrossTheBookIsAnErrorEventAndTheBookIsRebuilt() {
        try (SimulatedBinance venue = new SimulatedBinance(bars(), 5)) {
            BinanceAdapter adapter = venue.adapter();
            RecordingSink sink = new RecordingSink();
            adapter.subscribeOrderBook(SYMBOL);
            adapter.connect(sink);
            OrderBook before = awaitSameBook(sink, venue.sim);

            // the next update id, but a bid one unit above the best ask: no venue's book looks like that
            BigDecimal crossing = before.bestAsk().price().add(BigDecimal.ONE);
            venue.sim.sendToMarketStreams("{\"stream\":\"ethusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,"
                    + "\"s\":\"ETHUSDT\",\"U\":" + (before.lastUpdateId() + 1) + ",\"u\":" + (before.lastUpdateId() + 1)
                    + ",\"b\":[[\"" + crossing.toPlainString() + "\",\"1\"]],\"a\":[]}}");
            Event.ErrorRaised crossed = sink.await(Event.ErrorRaised.class, e -> e.message().contains("is crossed"), PATIENCE);
            venue.sim.step();
            awaitSameBook(sink, venue.sim);

            assertThat(crossed.source()).isEqualTo("binance:depth-stream");
            assertThat(crossed.message()).endsWith("; rebuilding the book");
            assertThat(venue.sim.requests("GET", "/api/v3/depth")).as("a new snapshot after the crossed book").isGreaterThanOrEqualTo(2);
            assertThat(sink.all(Event.OrderBookUpdated.class)).as("the crossed book was never posted")
                    .noneMatch(e -> e.book().bestBid() != null && e.book().bestBid().price().compareTo(crossing) == 0);
        }
    }

    @Test
    void aMalformedOrOversizedDepthMessageIsAnErrorEventAndTheBookRecovers() {
        try (SimulatedBinance venue = new SimulatedBinance(bars(), 5)) {
            BinanceAdapter adapter = venue.adapter(Map.of("maxMessageBytes", "4096"));
            RecordingSink sink = new RecordingSink();
            adapter.subscribeOrderBook(SYMBOL);
            adapter.connect(sink);
            awaitSameBook(sink, venue.sim);

            venue.sim.sendToMarketStreams("{\"stream\":\"ethusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"ETHUSDT\","
                    + "\"U\":\"x\",\"u\":5,\"b\":[],\"a\":[]}}");
            Event.ErrorRaised malformed = sink.await(Event.ErrorRaised.class, e -> e.message().contains("field 'U'"), PATIENCE);
            venue.sim.sendToMarketStreams("{\"stream\":\"ethusdt@depth@100ms\",\"data\":\"" + "x".repeat(8000) + "\"}");
            Event.ErrorRaised oversized = sink.await(Event.ErrorRaised.class, e -> e.message().contains("larger than 4096 bytes"), PATIENCE);
            venue.sim.step();
            awaitSameBook(sink, venue.sim);

            assertThat(malformed.source()).isEqualTo("binance:depth-stream");
            assertThat(malformed.message()).isEqualTo("unreadable depth frame: field 'U' is text \"x\", expected a whole number");
            assertThat(malformed.raw()).contains("\"U\":\"x\"");
            assertThat(oversized.source()).isEqualTo("binance:depth-stream");
        }
    }
}
