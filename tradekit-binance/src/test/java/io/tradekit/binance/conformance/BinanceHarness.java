package io.tradekit.binance.conformance;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.binance.BinanceAdapter;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.binance.internal.BinanceSigner;
import io.tradekit.binance.internal.QueryString;
import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.conformance.SigningExample;
import io.tradekit.conformance.VenueFaults;
import io.tradekit.conformance.VenueHarness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The conformance kit's view of the Binance adapter and its simulator. */
final class BinanceHarness implements VenueHarness {

    static final int HISTORY_BARS = 1200; // more than one 1000-kline page
    private static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    private final BinanceSimulator sim;
    private final Credentials credentials;
    private final List<ExchangeAdapter> adapters = new ArrayList<>();

    BinanceHarness() {
        // each harness its own key: the JVM-wide weight budget of one test (paused by a 429) never reaches another
        credentials = new Credentials("kit" + UUID.randomUUID().toString().replace("-", ""), "secret-" + UUID.randomUUID());
        sim = BinanceSimulator.start(BinanceSimulator.Options.of(0, bars(HISTORY_BARS + 40)).withInitialBars(HISTORY_BARS)
                .withCredentials(credentials));
    }

    private static List<Bar> bars(int count) {
        List<Bar> bars = new ArrayList<>(count);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        BigDecimal previous = BigDecimal.valueOf(100);
        for (int i = 0; i < count; i++) {
            BigDecimal close = BigDecimal.valueOf(100 + 10 * Math.sin(i / 7.0)).setScale(2, RoundingMode.HALF_UP);
            bars.add(new Bar("ETHUSDT", Timeframe.M1, start.plusSeconds(60L * i), previous, previous.max(close).add(BigDecimal.ONE),
                    previous.min(close).subtract(BigDecimal.ONE), close, new BigDecimal("12.5")));
            previous = close;
        }
        return bars;
    }

    @Override
    public ExchangeAdapter newAdapter() {
        Map<String, String> params = new HashMap<>(sim.adapterParams());
        params.put("reconnectInitialMs", "50");
        params.put("reconnectMaxMs", "400");
        params.put("requestTimeoutMs", "2000");
        params.put("streamSilenceSeconds", "1");
        params.put("downAfterAttempts", Integer.toString(downAfterAttempts()));
        params.put("maxMessageBytes", Integer.toString(maxMessageBytes()));
        BinanceAdapter adapter = new BinanceAdapter(BinanceConfig.from(new ExchangeSettings(Params.of("binance", params), Optional.of(credentials))));
        adapters.add(adapter);
        return adapter;
    }

    @Override
    public String symbol() {
        return "ETHUSDT";
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.M1;
    }

    @Override
    public String baseAsset() {
        return "ETH";
    }

    @Override
    public String quoteAsset() {
        return "USDT";
    }

    @Override
    public boolean closeNextBar() {
        return sim.step();
    }

    @Override
    public List<Bar> closedBars() {
        return sim.closedBars();
    }

    @Override
    public int historyBars() {
        return HISTORY_BARS;
    }

    @Override
    public OrderRequest restingBuy(String id) {
        return new OrderRequest(id, symbol(), Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(new BigDecimal("50.00")),
                TimeInForce.GTC, false);
    }

    @Override
    public OrderRequest marketBuy(String id, BigDecimal quantity) {
        return new OrderRequest(id, symbol(), Side.BUY, OrderType.MARKET, quantity, Optional.empty(), TimeInForce.GTC, false);
    }

    @Override
    public BigDecimal orderQuantity() {
        return new BigDecimal("0.1");
    }

    @Override
    public int newOrderRequests() {
        return sim.requests("POST", "/api/v3/order");
    }

    @Override
    public int requests() {
        return sim.requests();
    }

    @Override
    public List<String> venueOrderIds() {
        return sim.orders().stream().map(Order::clientOrderId).toList();
    }

    @Override
    public BigDecimal venueOrderQuantity(String clientOrderId) {
        return sim.orders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).map(Order::quantity).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator holds no order " + clientOrderId));
    }

    @Override
    public BigDecimal venueBalance(String asset) {
        return sim.balances().stream().filter(b -> b.asset().equals(asset)).map(b -> b.free().add(b.locked())).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** Every HMAC example of rest-api.md and web-socket-api.md, signed by the adapter's own signer. */
    @Override
    public List<SigningExample> signingExamples() {
        BinanceSigner signer = new BinanceSigner(DOC_SECRET);
        String ascii = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        String nonAscii = new QueryString().add("symbol", "１２３４５６").add("side", "BUY").add("type", "LIMIT").add("timeInForce", "GTC")
                .add("quantity", "1").add("price", "0.1").add("recvWindow", 5000).add("timestamp", 1499827319559L).toString();
        return List.of(
                new SigningExample("rest-api.md, HMAC, ASCII", "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
                        () -> signer.sign(ascii, "")),
                new SigningExample("rest-api.md, HMAC, non-ASCII (percent-encoded)", "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3",
                        () -> signer.sign(nonAscii, "")),
                new SigningExample("rest-api.md (older), HMAC, query and body", "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77",
                        () -> signer.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559")),
                new SigningExample("web-socket-api.md, HMAC, ASCII", "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24",
                        () -> signer.sign(BinanceSigner.webSocketPayload(order("BTCUSDT", "SELL", "0.01000000", "52000.00", "100")))),
                new SigningExample("web-socket-api.md, HMAC, non-ASCII (raw UTF-8)", "b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd",
                        () -> signer.sign(BinanceSigner.webSocketPayload(order("１２３４５６", "BUY", "1.00000000", "0.10000000", "5000")))));
    }

    private static Map<String, String> order(String symbol, String side, String quantity, String price, String recvWindow) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("side", side);
        p.put("type", "LIMIT");
        p.put("timeInForce", "GTC");
        p.put("quantity", quantity);
        p.put("price", price);
        p.put("recvWindow", recvWindow);
        p.put("timestamp", "1645423376532");
        p.put("apiKey", DOC_API_KEY);
        return p;
    }

    @Override
    public VenueFaults faults() {
        return new VenueFaults() {
            @Override
            public void dropConnections() {
                sim.dropAllConnections();
            }

            @Override
            public void refuseConnections(Refusal refusal) {
                switch (refusal) {
                    case RATE_LIMITED -> sim.refuseConnections(429, Duration.ofSeconds(1));
                    case BANNED -> sim.refuseConnections(418, Duration.ofSeconds(2));
                    case UNAVAILABLE -> sim.refuseConnections(503, Duration.ZERO);
                }
            }

            @Override
            public void acceptConnections() {
                sim.acceptConnections();
            }

            @Override
            public void followNewMarketConnectionsAfter(Duration delay) {
                sim.followNewMarketConnectionsAfter(delay);
            }

            @Override
            public int barHistoryReadsWhileUnfollowed() {
                return sim.klineReadsWhileUnfollowed();
            }

            @Override
            public int streamConnectionAttempts() {
                return sim.webSocketAttempts();
            }

            @Override
            public void failNextOrderAfterAccepting() {
                sim.failNextOrders(1, BinanceSimulator.OrderFailure.AFTER_ACCEPTING);
            }

            @Override
            public void stallNextResponse(Duration stall) {
                sim.stallNextBodies(1, stall);
            }

            @Override
            public void rateLimitNext(Duration retryAfter) {
                sim.rateLimitNext(1, retryAfter);
            }

            @Override
            public void sendRawToStreams(String text) {
                sim.sendToMarketStreams(text);
            }

            @Override
            public void skewClock(Duration skew) {
                sim.skewClock(skew);
            }

            @Override
            public void silenceStreams(boolean silent) {
                sim.silenceStreams(silent);
            }
        };
    }

    @Override
    public Set<String> streams() {
        return Set.of("market", "user");
    }

    @Override
    public int downAfterAttempts() {
        return 4;
    }

    @Override
    public String tickerMessage(String price) {
        // a combined-stream bookTicker push, prices as Binance writes them: strings
        String p = "\"" + price + "\"";
        return "{\"stream\":\"" + symbol().toLowerCase(java.util.Locale.ROOT) + "@bookTicker\",\"data\":{\"u\":400900217,\"s\":\""
                + symbol() + "\",\"b\":" + p + ",\"B\":\"31.21000000\",\"a\":" + p + ",\"A\":\"40.66000000\"}}";
    }

    @Override
    public int maxMessageBytes() {
        return 65_536;
    }

    @Override
    public void close() {
        for (ExchangeAdapter a : adapters) a.close();
        sim.close();
    }

    /** Unused balances of the account, for diagnostics in a failing test's output. */
    @Override
    public String toString() {
        return "BinanceHarness[" + sim.restUrl() + ", balances=" + sim.balances().stream().map(Balance::toString).toList() + "]";
    }
}
