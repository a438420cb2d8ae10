package io.tradekit.examples.bench;

import io.tradekit.api.Credentials;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.binance.internal.BinanceRestClient;
import io.tradekit.binance.internal.Endpoint;
import io.tradekit.binance.internal.MarketStream;
import io.tradekit.binance.internal.OrderMapping;
import io.tradekit.binance.internal.SafeSink;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Binance adapter's share of the time from market data to order: a closed-kline frame arrives at the
 * market stream, is parsed into a bar and posted; a trivial decision (buy 0.01 on every closed bar)
 * makes an order; the adapter builds the signed {@code POST /api/v3/order} request (parameters,
 * {@code recvWindow}, server-clock timestamp, HMAC-SHA256 signature, URI, {@code X-MBX-APIKEY}) ready
 * for the HTTP client. The socket write and the venue's round trip are not included. Target: p99 at or
 * under 50 µs in process.
 *
 * <pre>{@code java -cp tradekit-examples/target/tradekit.jar org.openjdk.jmh.Main BinanceFrameToOrderBenchmark}</pre>
 *
 * <ul>
 *   <li>{@code frameToSignedOrder}: the whole path, on the thread the frame arrives on.</li>
 *   <li>{@code frameToBar}: the frame to the posted bar only (the stream's part).</li>
 *   <li>{@code signOrder}: the decision's order to the signed request only (the REST client's part).</li>
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BinanceFrameToOrderBenchmark {

    private static final int FRAMES = 1 << 17;
    private static final long MINUTE = 60_000L;
    private static final long START = 1_700_000_000_000L - Math.floorMod(1_700_000_000_000L, MINUTE);

    private String[] frames;
    private BinanceRestClient rest;
    private BinanceConfig config;
    private MarketStream stream;
    private int next;
    private long orders;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void prepare() {
        frames = new String[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            long open = START + i * MINUTE;
            // the shape of Binance's combined-stream kline frame, closed (x true)
            frames[i] = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + (open + MINUTE) + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":"
                    + open + ",\"T\":" + (open + MINUTE - 1) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"65010.12000000\","
                    + "\"c\":\"65020.55000000\",\"h\":\"65031.00000000\",\"l\":\"65001.37000000\",\"v\":\"12.41830000\",\"n\":100,\"x\":true,"
                    + "\"q\":\"807412.33100000\",\"V\":\"6.20000000\",\"Q\":\"403100.00000000\",\"B\":\"0\"}}}";
        }
        config = BinanceConfig.local("http://127.0.0.1:9", "ws://127.0.0.1:9", "ws://127.0.0.1:9/ws-api/v3",
                new Credentials("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
        RequestBudget unlimited = RequestBudget.of("binance", "bench", Long.MAX_VALUE, Duration.ofMinutes(1), Duration.ZERO);
        rest = new BinanceRestClient(config, new HttpTransport("binance", Duration.ofSeconds(1)), unlimited, unlimited,
                Retrier.standard("binance"), new ServerClockOffset(9), InstantSource.system());
    }

    @Setup(Level.Iteration)
    public void freshStream(Blackhole blackhole) {
        sink = blackhole;
        SafeSink events = new SafeSink();
        events.attach(event -> {
            if (event instanceof Event.BarClosed closed) {
                sink.consume(decideAndSign(closed));
            }
        });
        stream = newStream(events);
        next = 0;
    }

    private MarketStream newStream(SafeSink events) {
        MarketStream s = new MarketStream(config, events, new MarketStream.Backfill() {
            @Override
            public List<io.tradekit.api.Bar> closedBarsSince(String symbol, Timeframe timeframe, java.time.Instant from) {
                return List.of();
            }

            @Override
            public Optional<io.tradekit.api.Bar> latestClosed(String symbol, Timeframe timeframe) {
                return Optional.empty();
            }
        }, Runnable::run, InstantSource.system());
        s.subscribeKlines("BTCUSDT", Timeframe.M1);
        return s;
    }

    private HttpRequest decideAndSign(Event.BarClosed closed) {
        OrderRequest order = new OrderRequest("bench-" + (++orders), closed.bar().symbol(), Side.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), Optional.of(closed.bar().close()), TimeInForce.GTC, false);
        return rest.signedRequest(Endpoint.NEW_ORDER, OrderMapping.newOrder(order, BinanceConfig.OrderResponse.FULL), rest.timestamp());
    }

    @Benchmark
    public void frameToSignedOrder() {
        if (next == FRAMES) {
            freshStream(sink);
        }
        stream.onText(frames[next++]);
    }

    @Benchmark
    public void frameToBar() {
        // the same frame over and over: read and mapped to a bar, then dropped as already posted
        stream.onText(frames[0]);
    }

    @Benchmark
    public HttpRequest signOrder() {
        OrderRequest order = new OrderRequest("bench-" + (++orders), "BTCUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("0.01"),
                Optional.of(new BigDecimal("65020.55")), TimeInForce.GTC, false);
        return rest.signedRequest(Endpoint.NEW_ORDER, OrderMapping.newOrder(order, BinanceConfig.OrderResponse.FULL), rest.timestamp());
    }
}
