package io.tradekit.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Credentials;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.CallRateCounter;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.Sleeper;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.KrakenConfig;
import io.tradekit.kraken.internal.KrakenCall;
import io.tradekit.kraken.internal.KrakenRestClient;
import io.tradekit.kraken.internal.MarketData;
import io.tradekit.kraken.internal.OrderMapping;
import io.tradekit.kraken.internal.Pair;
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

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Kraken adapter's share of the time from market data to order, in process: a WebSocket v2
 * {@code ohlc} frame read into a bar, an {@code executions} trade frame read into a fill and an order
 * update, and an {@code AddOrder} request built and signed ({@code API-Sign}: SHA-256 then HMAC-SHA512
 * over the exact form body). The nonce file and the socket are not included. Each benchmark reads or signs
 * one fixed message; JMH samples each call and reports its distribution in microseconds. The state, built once
 * per trial, is a REST client with test credentials pointed at an unused local address (nothing is sent) and
 * no rate limit, the {@code XBTUSD} pair's rules, and one limit buy of 0.01 BTC at 27 500.1 USD.
 *
 * <pre>{@code java -cp tradekit-examples/target/tradekit.jar org.openjdk.jmh.Main KrakenFrameToOrderBenchmark}</pre>
 */
// A fixed heap touched at start, for the reason BinanceFrameToOrderBenchmark gives.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class KrakenFrameToOrderBenchmark {

    private static final String OHLC = "{\"channel\":\"ohlc\",\"type\":\"update\",\"timestamp\":\"2023-10-04T16:26:30.524394914Z\",\"data\":[{"
            + "\"symbol\":\"BTC/USD\",\"open\":27500.1,\"high\":27510.5,\"low\":27490.2,\"close\":27505.7,\"trades\":12,\"volume\":3.27066226,"
            + "\"vwap\":27501.3,\"interval_begin\":\"2023-10-04T16:25:00.000000000Z\",\"interval\":1,\"timestamp\":\"2023-10-04T16:26:00.000000Z\"}]}";
    private static final String TRADE = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"OK4GJX-KSTLS-7DZZO5\","
            + "\"cl_ord_id\":\"bot-1a\",\"symbol\":\"BTC/USD\",\"exec_type\":\"trade\",\"order_status\":\"filled\",\"side\":\"buy\","
            + "\"order_qty\":0.01,\"cum_qty\":0.01,\"avg_price\":27505.7,\"exec_id\":\"TUWRJ4-BFHDH-HRHYSW\",\"trade_id\":42,\"last_qty\":0.01,"
            + "\"last_price\":27505.7,\"liquidity_ind\":\"t\",\"fees\":[{\"asset\":\"USD\",\"qty\":0.715}],"
            + "\"timestamp\":\"2023-09-22T10:33:05.709950Z\"}],\"sequence\":8}";
    private static final String PAIRS = "{\"XXBTZUSD\":{\"altname\":\"XBTUSD\",\"wsname\":\"XBT/USD\",\"base\":\"XXBT\",\"quote\":\"ZUSD\","
            + "\"lot_decimals\":8,\"pair_decimals\":1,\"ordermin\":\"0.00005\",\"costmin\":\"0.5\",\"tick_size\":\"0.1\",\"status\":\"online\"}}";

    private KrakenRestClient rest;
    private Pair pair;
    private OrderRequest order;
    private long nonce = 1_700_000_000_000L;

    /** Created by JMH for each trial. */
    public KrakenFrameToOrderBenchmark() {
    }

    /** Builds the REST client, the pair from a recorded {@code AssetPairs} answer and the order, once per trial. */
    @Setup(Level.Trial)
    public void prepare() {
        KrakenConfig config = KrakenConfig.local(Map.of("restUrl", "http://127.0.0.1:1"),
                new Credentials("bench-key", "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="));
        CallRateCounter unlimited = new CallRateCounter("kraken", "bench", 1e12, 1e12, Duration.ZERO, InstantSource.system(), Sleeper.THREAD);
        rest = new KrakenRestClient(config, new HttpTransport("kraken", Duration.ofSeconds(1)), null, unlimited, unlimited, Retrier.standard("kraken"));
        pair = Pair.fromAssetPairs(VenueJson.read(PAIRS), "XBTUSD").orElseThrow();
        order = new OrderRequest("bench-1", "XBTUSD", Side.BUY, OrderType.LIMIT, new BigDecimal("0.01"), Optional.of(new BigDecimal("27500.1")),
                TimeInForce.GTC, false);
    }

    /**
     * One {@code ohlc} update frame parsed and read into a one-minute bar.
     *
     * @return the bar, so that JMH keeps the work
     */
    @Benchmark
    public Object ohlcFrameToBar() {
        JsonNode root = VenueJson.read(OHLC);
        return MarketData.ohlc(root.get("data").get(0), "XBTUSD", Timeframe.M1);
    }

    /**
     * One {@code executions} frame of a filled buy parsed and read into a fill and an order update.
     *
     * @return what the frame was read into, so that JMH keeps the work
     */
    @Benchmark
    public Object tradeFrameToFill() {
        JsonNode root = VenueJson.read(TRADE);
        return OrderMapping.execution(root.get("data").get(0), "XBTUSD", "ZUSD");
    }

    /**
     * The {@code AddOrder} form built from the order and signed with a fresh nonce (one higher each call).
     *
     * @return the signed request, ready for the HTTP client but never sent
     */
    @Benchmark
    public HttpRequest signAddOrder() {
        return rest.signedRequest(KrakenCall.ADD_ORDER, OrderMapping.addOrder(order, pair, false), nonce++);
    }
}
