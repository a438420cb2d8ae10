package io.tradekit.bybit.conformance;

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
import io.tradekit.bybit.BybitAdapter;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.bybit.TestBars;
import io.tradekit.bybit.internal.BybitSigner;
import io.tradekit.bybit.sim.BybitSimulator;
import io.tradekit.bybit.sim.Category;
import io.tradekit.conformance.SigningExample;
import io.tradekit.conformance.VenueFaults;
import io.tradekit.conformance.VenueHarness;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The conformance kit's view of the Bybit adapter and its simulator, spot or linear. */
final class BybitHarness implements VenueHarness {

    static final int HISTORY_BARS = 1200; // more than one 1000-kline page
    private static final String SYMBOL = "ETHUSDT";

    /**
     * Bybit's v5 guide prints the text a request signs but no signature; the signatures below were
     * computed outside this code base ({@code printf '%s' <plaintext> | openssl dgst -sha256 -hmac
     * tradekit-doc-secret}) over the documented plaintexts.
     */
    private static final String DOC_SECRET = "tradekit-doc-secret";

    private final BybitSimulator sim;
    private final Credentials credentials;
    private final List<ExchangeAdapter> adapters = new ArrayList<>();

    BybitHarness() {
        this(Category.SPOT);
    }

    BybitHarness(Category category) {
        // each harness its own key: the JVM-wide request budget of one test (paused by a 10006) never reaches another
        credentials = new Credentials("kit" + UUID.randomUUID().toString().replace("-", ""), "secret-" + UUID.randomUUID());
        BybitSimulator.Options options = BybitSimulator.Options.of(0, TestBars.wave(SYMBOL, Timeframe.M1, HISTORY_BARS + 40))
                .withInitialBars(HISTORY_BARS).withCredentials(credentials);
        sim = BybitSimulator.start(category == Category.LINEAR ? options.linear() : options);
    }

    /** Linear: the one-way position's signed quantity at the simulator; spot: the base coin's balance. */
    @Override
    public BigDecimal venuePosition() {
        if (sim.category() == Category.SPOT) return venueBalance(baseAsset());
        return sim.position().map(io.tradekit.api.Position::quantity).orElse(BigDecimal.ZERO);
    }

    @Override
    public ExchangeAdapter newAdapter() {
        Map<String, String> params = new HashMap<>(sim.adapterParams());
        params.put("reconnectInitialMs", "50");
        params.put("reconnectMaxMs", "400");
        params.put("requestTimeoutMs", "2000");
        params.put("pingIntervalMs", "250");
        params.put("silenceTimeoutMs", "1000");
        params.put("downAfterAttempts", Integer.toString(downAfterAttempts()));
        params.put("maxMessageBytes", Integer.toString(maxMessageBytes()));
        BybitAdapter adapter = new BybitAdapter(BybitConfig.from(new ExchangeSettings(Params.of("bybit", params), Optional.of(credentials))));
        adapters.add(adapter);
        return adapter;
    }

    @Override
    public String symbol() {
        return SYMBOL;
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
        return new OrderRequest(id, SYMBOL, Side.BUY, OrderType.LIMIT, new BigDecimal("0.5"), Optional.of(new BigDecimal("50.00")),
                TimeInForce.GTC, false);
    }

    @Override
    public OrderRequest marketBuy(String id, BigDecimal quantity) {
        return new OrderRequest(id, SYMBOL, Side.BUY, OrderType.MARKET, quantity, Optional.empty(), TimeInForce.GTC, false);
    }

    /** 0.1 ETH: a multiple of the base precision, and worth more than the minimum order value at the wave's prices. */
    @Override
    public BigDecimal orderQuantity() {
        return new BigDecimal("0.1");
    }

    @Override
    public int newOrderRequests() {
        return sim.requests("POST", "/v5/order/create");
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
    public BigDecimal venueBalance(String asset) {
        return sim.balances().stream().filter(b -> b.asset().equals(asset)).map(b -> b.free().add(b.locked())).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** The plaintexts of Bybit's v5 guide ("Create A Request") and WebSocket auth, signed by the adapter's own signer. */
    @Override
    public List<SigningExample> signingExamples() {
        BybitSigner signer = new BybitSigner(DOC_SECRET);
        return List.of(
                new SigningExample("v5/guide.mdx, Create A Request, GET query string (signed with " + DOC_SECRET + ")",
                        "73af4c8d88b053156353efb5f381f60b35af53d0e2fe4dcdc911d502cdccfd91",
                        () -> signer.signRest(1658384314791L, "XXXXXXXXXX", 5000, "category=option&symbol=BTC-29JUL22-25000-C")),
                new SigningExample("v5/guide.mdx, Create A Request, POST JSON body (signed with " + DOC_SECRET + ")",
                        "c078093983f248351852ea00ad2c443afc6d8bccc287c1fd0766e44f7da06420",
                        () -> signer.signRest(1658385579423L, "XXXXXXXXXX", 5000, "{\"category\": \"option\"}")),
                new SigningExample("v5/ws/connect.mdx, private stream auth GET/realtime + expires (signed with " + DOC_SECRET + ")",
                        "bbf81c5aed2078b2c16dd971e7b8f8e77638e5498c1f1e8ffcc7a7534071d886",
                        () -> signer.signAuth(1662350400000L)));
    }

    @Override
    public VenueFaults faults() {
        return new VenueFaults() {
            @Override
            public void dropConnections() {
                sim.dropAllConnections();
            }

            /** Bybit's own refusals: 429 (system protection), 403 ("access too frequent", its IP ban), 503. */
            @Override
            public void refuseConnections(Refusal refusal) {
                sim.refuseConnections(switch (refusal) {
                    case RATE_LIMITED -> 429;
                    case BANNED -> 403;
                    case UNAVAILABLE -> 503;
                });
            }

            @Override
            public void acceptConnections() {
                sim.acceptConnections();
            }

            @Override
            public void followNewMarketConnectionsAfter(Duration delay) {
                sim.followNewPublicConnectionsAfter(delay);
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
                sim.failNextOrders(1, BybitSimulator.OrderFailure.SERVER_ERROR_AFTER_ACCEPTING);
            }

            @Override
            public void stallNextResponse(Duration stall) {
                sim.stallNextAnswers(1, stall);
            }

            /** Bybit's rate-limit answer: retCode 10006 with {@code X-Bapi-Limit-Reset-Timestamp} {@code retryAfter} ahead. */
            @Override
            public void rateLimitNext(Duration retryAfter) {
                sim.rateLimitNext(1, retryAfter);
            }

            @Override
            public void sendRawToStreams(String text) {
                sim.sendRawFrame(false, text);
            }

            @Override
            public void skewClock(Duration skew) {
                sim.skewClock(skew);
            }

            @Override
            public void silenceStreams(boolean silent) {
                sim.silenceStreams(silent ? Duration.ofDays(1) : Duration.ZERO);
            }
        };
    }

    @Override
    public Set<String> streams() {
        return Set.of("public", "private");
    }

    @Override
    public int downAfterAttempts() {
        return 4;
    }

    @Override
    public String tickerMessage(String price) {
        // a tickers.{symbol} snapshot, prices as Bybit writes them: strings; linear tickers also carry the book and the mark
        String p = "\"" + price + "\"";
        String book = sim.category() == Category.LINEAR ? ",\"bid1Price\":" + p + ",\"bid1Size\":\"1\",\"ask1Price\":" + p
                + ",\"ask1Size\":\"1\",\"markPrice\":" + p + ",\"indexPrice\":" + p + ",\"fundingRate\":\"0.0001\"" : "";
        return "{\"topic\":\"tickers." + symbol() + "\",\"ts\":1673853746003,\"type\":\"snapshot\",\"cs\":2588407389,\"data\":{\"symbol\":\""
                + symbol() + "\",\"lastPrice\":" + p + ",\"highPrice24h\":" + p + ",\"lowPrice24h\":" + p + ",\"prevPrice24h\":" + p
                + ",\"volume24h\":\"1\",\"turnover24h\":\"1\",\"price24hPcnt\":\"0\"" + book + "}}";
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

    @Override
    public String toString() {
        return "BybitHarness[" + sim.restUrl() + "]";
    }
}
