package io.tradekit.examples.bench;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.binance.internal.BinanceRestClient;
import io.tradekit.binance.internal.Endpoint;
import io.tradekit.binance.internal.MarketStream;
import io.tradekit.binance.internal.OrderMapping;
import io.tradekit.binance.internal.WsApiClient;
import io.tradekit.core.BotBuilder;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.store.StateStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The product's own path from a venue frame to a signed order, per closed bar: the Binance market
 * stream parses a closed-kline frame into a bar and posts it to a live bot built with
 * {@code TradeKit.bot(...)}; the bot's loop thread runs the strategy (buy when flat, sell when long:
 * one order per bar), sizing and rounding, the risk policies of {@code tradekit-risk} (position,
 * order notional, open orders, orders per minute), writes the order ahead to the store, and gives it to the
 * adapter's {@code placeWithoutBlocking}, which, as the Binance adapter does when nothing has to be waited for, builds
 * on the loop the signed {@code POST /api/v3/order} (parameters, {@code recvWindow}, server-clock timestamp,
 * HMAC-SHA256, URI, {@code X-MBX-APIKEY}) or, with {@code channel=websocket}, the signed WebSocket API
 * {@code order.place} request text (parameters sorted, raw values, HMAC-SHA256, JSON). The socket write and the venue's
 * round trip are not included; the answer is a fill made up in place, so that the next bar trades again. Target: p99 at
 * or under 50 µs. The path crosses one thread (stream to loop); {@link HandOffBenchmark#streamToLoop} times that
 * hand-off alone. With {@code store=sqlite} every order waits for one synced commit (its write-ahead), which
 * {@code JournalBenchmark} times alone.
 *
 * <pre>{@code java -cp tradekit-examples/target/tradekit.jar org.openjdk.jmh.Main BinanceFrameToOrderBenchmark}</pre>
 *
 * <p>JMH samples each frame's round trip and reports its distribution in microseconds. The state, made anew for each
 * iteration: a bot on {@code BTCUSDT} one-minute bars with the strategy below, generous risk limits and the chosen
 * store (a SQLite file in a temporary directory that is deleted at the end), and a stand-in venue that runs the
 * Binance adapter's real stream parsing and signing with test credentials and sends nothing. Each invocation feeds
 * the next minute's closed-kline frame (the same prices every minute). A bot keeps every order it made, and this one
 * makes some 20,000 a second, a year of minute bars in half a minute: kept for a whole trial they grew the heap until
 * the collector's concurrent marking took a core from the path (p99.9 2.6-3.8 ms against 140-170 µs, measured
 * 2026-12-04). A new bot each iteration keeps what it holds near a live bot's.
 */
// A fixed heap touched at start, as a long-running bot's is: in a heap that grows, a short run keeps faulting in fresh
// pages, which added some 15 µs to the 90th and 99th percentiles of the Binance path (measured 2026-12-04).
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BinanceFrameToOrderBenchmark {

    private static final long MINUTE = 60_000L;
    private static final long START = 1_700_000_000_000L - Math.floorMod(1_700_000_000_000L, MINUTE);
    private static final String SYMBOL = "BTCUSDT";

    /**
     * Where the bot's journal lives: {@code memory} (in memory) or {@code sqlite} (the journal's write-ahead in
     * a SQLite file, as a live bot runs by default).
     */
    @Param({"memory", "sqlite"})
    public String store;

    /** {@code rest}: a signed {@code POST /api/v3/order}; {@code websocket}: a signed WebSocket API {@code order.place}. */
    @Param({"rest", "websocket"})
    public String channel;

    private BenchVenue venue;
    private TradingBot bot;
    private Path directory;
    private long next;
    /** Fills the bot's loop has applied, counted by an event listener on the loop. */
    private final AtomicLong applied = new AtomicLong();

    /** Created by JMH for each trial (and by {@link #main(String[])}). */
    public BinanceFrameToOrderBenchmark() {
    }

    /** Buys 0.01 when flat and sells it on the next bar: every bar makes exactly one order. */
    static final class InAndOut implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (!ctx.openOrders().isEmpty()) return;
            ctx.submit(ctx.position().isFlat() ? OrderIntent.market(ctx.symbol(), Side.BUY, new BigDecimal("0.01"))
                    : OrderIntent.market(ctx.symbol(), Side.SELL, ctx.position().quantity()));
        }
    }

    /**
     * The Binance adapter's stream and signing on no network: frames go in through {@link MarketStream},
     * orders come out as signed requests and are answered with an immediate fill at the last close.
     */
    static final class BenchVenue implements ExchangeAdapter {
        final AtomicLong signed = new AtomicLong();
        volatile Object last;
        private final boolean overWebSocket;
        private final WsApiClient webSocket;
        volatile BigDecimal lastClose = new BigDecimal("65000");
        private final BinanceConfig config;
        private final BinanceRestClient rest;
        private final StreamEvents events = new StreamEvents();
        private final MarketStream stream;
        private final AtomicLong trades = new AtomicLong();

        BenchVenue(boolean overWebSocket) {
            this.overWebSocket = overWebSocket;
            config = BinanceConfig.local("http://127.0.0.1:9", "ws://127.0.0.1:9", "ws://127.0.0.1:9/ws-api/v3",
                    new Credentials("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                            "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
            RequestBudget unlimited = RequestBudget.of("binance", "bench", Long.MAX_VALUE, Duration.ofMinutes(1), Duration.ZERO);
            rest = new BinanceRestClient(config, new HttpTransport("binance", Duration.ofSeconds(1)), unlimited, unlimited,
                    Retrier.standard("binance"), new ServerClockOffset(9), InstantSource.system());
            stream = new MarketStream(config, events, new ClosedBarFeed.Backfill() {
                @Override
                public List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from) {
                    return List.of();
                }

                @Override
                public List<Bar> recentClosed(String symbol, Timeframe timeframe) {
                    return List.of();
                }
            }, Runnable::run, InstantSource.system());
            webSocket = new WsApiClient(config, rest, unlimited, unlimited, events, Runnable::run, InstantSource.system());
            // a clock offset as if /api/v3/time had been sampled: there is no network here to sample it
            long now = System.currentTimeMillis();
            for (int i = 0; i < 3; i++) rest.clockOffset().addSample(now, now, now);
        }

        void frame(String text) {
            stream.onText(text);
        }

        @Override
        public String venue() {
            return "binance";
        }

        @Override
        public void connect(EventSink sink) {
            events.attach(sink);
        }

        @Override
        public Instrument instrument(String symbol) {
            return new Instrument(symbol, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"),
                    new BigDecimal("5"));
        }

        @Override
        public Instant serverTime() {
            return Instant.ofEpochMilli(START);
        }

        @Override
        public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public void subscribeBars(String symbol, Timeframe timeframe) {
            stream.subscribeKlines(symbol, timeframe);
        }

        @Override
        public void subscribeTicker(String symbol) {
        }

        /** As the real adapter does when nothing has to be waited for: the order is signed on the bot's loop. */
        @Override
        public Optional<CompletionStage<OrderAck>> placeWithoutBlocking(OrderRequest request) {
            return Optional.of(CompletableFuture.completedFuture(place(request)));
        }

        @Override
        public OrderAck place(OrderRequest request) {
            var params = OrderMapping.newOrder(request, BinanceConfig.OrderResponse.FULL, Optional.empty());
            last = overWebSocket ? webSocket.signedRequest("o-" + trades.get(), "order.place", params.values())
                    : rest.signedRequest(Endpoint.NEW_ORDER, params, rest.timestamp());
            signed.incrementAndGet();
            Instant now = Instant.now();
            Fill fill = new Fill("t" + trades.incrementAndGet(), request.clientOrderId(), "o" + trades.get(), request.symbol(), request.side(),
                    lastClose, request.quantity(), BigDecimal.ZERO, "USDT", now, false);
            return new OrderAck(request.clientOrderId(), "o" + trades.get(), OrderStatus.FILLED, request.quantity(), now, List.of(fill));
        }

        @Override
        public void cancel(String symbol, String clientOrderId) {
        }

        @Override
        public int cancelAll(String symbol) {
            return 0;
        }

        @Override
        public Optional<Order> lookup(String symbol, String clientOrderId) {
            return Optional.empty();
        }

        @Override
        public List<Order> openOrders(String symbol) {
            return List.of();
        }

        @Override
        public List<Fill> fills(String symbol, Instant since) {
            return List.of();
        }

        @Override
        public List<Balance> balances() {
            return List.of(new Balance("USDT", new BigDecimal("1000000"), BigDecimal.ZERO));
        }

        @Override
        public void close() {
        }
    }

    static String klineFrame(long open) {
        // the shape of Binance's combined-stream kline frame, closed (x true)
        return "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + (open + MINUTE) + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":"
                + open + ",\"T\":" + (open + MINUTE - 1) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"65010.12000000\","
                + "\"c\":\"65020.55000000\",\"h\":\"65031.00000000\",\"l\":\"65001.37000000\",\"v\":\"12.41830000\",\"n\":100,\"x\":true,"
                + "\"q\":\"807412.33100000\",\"V\":\"6.20000000\",\"Q\":\"403100.00000000\",\"B\":\"0\"}}}";
    }

    /**
     * Builds and starts the bot on the stand-in venue with the chosen store and channel, before each iteration.
     *
     * @throws IOException if the temporary directory for the store cannot be made
     */
    @Setup(Level.Iteration)
    public void startBot() throws IOException {
        venue = new BenchVenue(channel.equals("websocket"));
        applied.set(0);
        directory = Files.createTempDirectory("tradekit-bench");
        // A real-time bot takes only a durable store from the host; with none given it journals in memory, the "memory" case.
        BotBuilder builder = TradeKit.bot("bench");
        if (store.equals("sqlite")) builder.store(StateStores.sqlite(directory.resolve("bot.db")));
        bot = builder
                .exchange(venue)
                .symbol(SYMBOL)
                .timeframe(Timeframe.M1)
                .strategy(new InAndOut())
                .risk(RiskLimits.builder().maxPosition(new BigDecimal("0.9")).maxOrderNotional(new BigDecimal("100000"))
                        .maxOpenOrders(5).maxOrdersPerMinute(100_000_000).build())
                .staleAfter(Duration.ofDays(36_500))
                .build();
        bot.onEvent(event -> {
            if (event instanceof BotEvent.FillApplied) applied.incrementAndGet();
        });
        bot.start();
        next = START;
    }

    /**
     * Closes the bot and deletes its temporary directory, after each iteration.
     *
     * @throws IOException if the directory cannot be walked
     */
    @TearDown(Level.Iteration)
    public void stopBot() throws IOException {
        bot.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Before each frame (not timed): the previous order's fill has come back through the loop, so that
     * the strategy, which trades one order at a time, is ready to trade on the next bar.
     *
     * @throws IllegalStateException if orders are still open after 5 s
     */
    @Setup(Level.Invocation)
    public void previousOrderSettled() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (applied.get() < venue.signed.get()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the previous order never settled: " + bot.openOrders());
            Thread.onSpinWait();
        }
    }

    /**
     * One closed-kline frame in, and back when the bot's order for it has been signed.
     *
     * @return the signed request (an {@code HttpRequest}, or the WebSocket API request text), so that JMH keeps it
     * @throws IllegalStateException if no order is signed within 5 s of the frame
     */
    @Benchmark
    public Object frameToSignedOrder() {
        long target = venue.signed.get() + 1;
        venue.frame(klineFrame(next));
        next += MINUTE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (venue.signed.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no signed order within 5 s of bar " + Instant.ofEpochMilli(next - MINUTE)
                        + "; bot state " + bot.state() + ", orders " + bot.orders().size());
            }
            Thread.onSpinWait();
        }
        return venue.last;
    }

    /**
     * Runs 20 bars outside JMH, to check the path end to end, and prints what the last order became.
     *
     * @param args optionally the store ({@code memory}, the default, or {@code sqlite}) and then the channel
     *             ({@code rest}, the default, or {@code websocket})
     * @throws Exception if the bot cannot be started or an order is not signed in time
     */
    public static void main(String[] args) throws Exception {
        BinanceFrameToOrderBenchmark b = new BinanceFrameToOrderBenchmark();
        b.store = args.length > 0 ? args[0] : "memory";
        b.channel = args.length > 1 ? args[1] : "rest";
        b.startBot();
        try {
            for (int i = 0; i < 20; i++) {
                b.previousOrderSettled();
                b.frameToSignedOrder();
            }
            System.out.println("20 bars, 20 signed orders; last " + b.venue.last + " " + Map.of("orders", b.bot.orders().size()));
        } finally {
            b.stopBot();
        }
    }
}
