package io.tradekit.examples.bench;

import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.bybit.internal.BybitRestClient;
import io.tradekit.bybit.internal.Endpoint;
import io.tradekit.bybit.internal.OrderMapping;
import io.tradekit.bybit.internal.PublicStream;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import io.tradekit.core.net.StreamEvents;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Bybit adapter's share of the time from market data to order: a {@code kline.1.BTCUSDT} push with
 * {@code confirm: true} arrives at the public stream, is parsed into a bar and posted; a trivial decision
 * (buy 0.01 at the close) makes an order; the adapter builds the signed {@code POST /v5/order/create}
 * (JSON body, server-clock timestamp, HMAC-SHA256 over timestamp, key, recv window and body, headers)
 * ready for the HTTP client. The socket write and the venue's round trip are not included. JMH samples each
 * call and reports its distribution in microseconds.
 *
 * <p>The state: 131 072 distinct closed one-minute kline frames made once per trial (consecutive minutes, the
 * same prices), a REST client with test credentials pointed at an unused local address (nothing is sent) and
 * no request limit, and a public stream that runs its callbacks on the calling thread, so the whole path runs
 * on the benchmark thread. The stream is made anew for each iteration, and again whenever the frames run out,
 * so that every frame is a new bar.
 *
 * <pre>{@code java -cp tradekit-examples/target/tradekit.jar org.openjdk.jmh.Main BybitFrameToOrderBenchmark}</pre>
 */
// A fixed heap touched at start, for the reason BinanceFrameToOrderBenchmark gives.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BybitFrameToOrderBenchmark {

    private static final int FRAMES = 1 << 17;
    private static final long MINUTE = 60_000L;
    private static final long START = 1_700_000_000_000L - Math.floorMod(1_700_000_000_000L, MINUTE);

    private String[] frames;
    private BybitRestClient rest;
    private BybitConfig config;
    private PublicStream stream;
    private int next;
    private long orders;
    private Blackhole sink;

    /** Created by JMH for each trial. */
    public BybitFrameToOrderBenchmark() {
    }

    /** Makes the frames, the configuration and the REST client, once per trial. */
    @Setup(Level.Trial)
    public void prepare() {
        frames = new String[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            long open = START + i * MINUTE;
            // the shape of Bybit's kline push, closed (confirm true)
            frames[i] = "{\"topic\":\"kline.1.BTCUSDT\",\"data\":[{\"start\":" + open + ",\"end\":" + (open + MINUTE - 1) + ",\"interval\":\"1\","
                    + "\"open\":\"65010.12\",\"close\":\"65020.55\",\"high\":\"65031\",\"low\":\"65001.37\",\"volume\":\"12.4183\","
                    + "\"turnover\":\"807412.331\",\"confirm\":true,\"timestamp\":" + (open + MINUTE) + "}],\"ts\":" + (open + MINUTE)
                    + ",\"type\":\"snapshot\"}";
        }
        config = BybitConfig.local("http://127.0.0.1:9", "ws://127.0.0.1:9/v5/public/spot", "ws://127.0.0.1:9/v5/private",
                new Credentials("XXXXXXXXXXXXXXXXXX", "YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY"));
        RequestBudget unlimited = RequestBudget.of("bybit", "bench", Long.MAX_VALUE, Duration.ofSeconds(1), Duration.ZERO);
        rest = new BybitRestClient(config, new HttpTransport("bybit", Duration.ofSeconds(1)), unlimited, Retrier.standard("bybit"),
                new ServerClockOffset(9), InstantSource.system());
    }

    /**
     * A new public stream subscribed to {@code BTCUSDT} one-minute klines, whose closed bars are turned into
     * signed orders, and the frames started from the first again; before each iteration.
     *
     * @param blackhole JMH's sink for the signed requests
     */
    @Setup(Level.Iteration)
    public void freshStream(Blackhole blackhole) {
        sink = blackhole;
        if (stream != null) stream.close();
        StreamEvents events = new StreamEvents();
        events.attach(event -> {
            if (event instanceof Event.BarClosed closed) {
                sink.consume(decideAndSign(closed.bar()));
            }
        });
        stream = new PublicStream(config, events, new ClosedBarFeed.Backfill() {
            @Override
            public List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from) {
                return List.of();
            }

            @Override
            public List<Bar> recentClosed(String symbol, Timeframe timeframe) {
                return List.of();
            }
        }, Runnable::run, InstantSource.system());
        stream.subscribeKlines("BTCUSDT", Timeframe.M1);
        next = 0;
    }

    /** Closes the public stream at the end of the trial. */
    @TearDown(Level.Trial)
    public void close() {
        if (stream != null) stream.close();
    }

    private HttpRequest decideAndSign(Bar bar) {
        OrderRequest order = new OrderRequest("bench-" + (++orders), bar.symbol(), Side.BUY, OrderType.LIMIT, new BigDecimal("0.01"),
                Optional.of(bar.close()), TimeInForce.GTC, false);
        return rest.signedRequest(Endpoint.CREATE_ORDER, OrderMapping.create("spot", false, order), System.currentTimeMillis());
    }

    /**
     * One closed-kline frame in through the stream, parsed into a bar, turned into a limit buy of 0.01 at the
     * close and signed; all on this thread.
     */
    @Benchmark
    public void frameToSignedOrder() {
        if (next == FRAMES) {
            freshStream(sink);
        }
        stream.onText(frames[next++]);
    }

    /**
     * The signing alone: a limit buy of 0.01 at a fixed bar's close built into the signed
     * {@code POST /v5/order/create}.
     *
     * @return the signed request, ready for the HTTP client but never sent
     */
    @Benchmark
    public HttpRequest signOrder() {
        return decideAndSign(new Bar("BTCUSDT", Timeframe.M1, Instant.ofEpochMilli(START), new BigDecimal("65010.12"), new BigDecimal("65031"),
                new BigDecimal("65001.37"), new BigDecimal("65020.55"), BigDecimal.ONE));
    }
}
