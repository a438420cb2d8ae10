package io.tradekit.kraken.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.conformance.SigningExample;
import io.tradekit.conformance.VenueFaults;
import io.tradekit.conformance.VenueHarness;
import io.tradekit.kraken.internal.KrakenSigner;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conformance kit's view of the Kraken adapter and its simulator. Kraken's OHLC serves the 720
 * latest rows of an interval and no older ones, the row still forming among them; so the simulator holds
 * 719 closed bars before a test, all Kraken would ever serve, and {@code history} reads them in one page.
 */
final class KrakenHarness implements VenueHarness {

    static final int HISTORY_BARS = 719;
    /** Kraken's "Spot REST Authentication" guide: its secret, nonce and AddOrder body, and the API-Sign it prints. */
    private static final String DOC_SECRET = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    /**
     * A pro-tier key on both sides: a REST call counter of 20 that drains at 1 a second. After a rate-limit answer the
     * counter counts as full, and a reconnected private stream's calls (its token, then the resync) each wait for it to
     * drain: at the intermediate tier's 0.5 a second that took about 12 s of the kit's 15 s patience.
     */
    private final SimulatedKraken venue = new SimulatedKraken(TestBars.wave(HISTORY_BARS + 40), HISTORY_BARS, o -> o.withCounter(20, 1.0));

    /**
     * Fast reconnects (50..400 ms), a 2 s request deadline, pings every 250 ms and a stream silent for a
     * second replaced, down after 4 failed reconnects, messages up to 64 KiB, a pro-tier key; the dead man's switch
     * is left at its default, as a bot runs it.
     */
    @Override
    public ExchangeAdapter newAdapter() {
        return venue.adapter(Map.of("requestTimeoutMs", "2000", "silenceTimeoutMs", "1000", "pingIntervalMs", "250",
                "downAfterAttempts", Integer.toString(downAfterAttempts()), "maxMessageBytes", Integer.toString(maxMessageBytes()),
                "tier", "pro"));
    }

    @Override
    public String symbol() {
        return venue.symbol();
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.M1;
    }

    @Override
    public String baseAsset() {
        return venue.sim.pair().base();
    }

    @Override
    public String quoteAsset() {
        return venue.sim.pair().quote();
    }

    @Override
    public boolean closeNextBar() {
        return venue.sim.step();
    }

    @Override
    public List<Bar> closedBars() {
        return venue.sim.closedBars();
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

    /** Above the pair's {@code ordermin} (0.002 ETH) and its cost above {@code costmin} at any price of the data. */
    @Override
    public BigDecimal orderQuantity() {
        return new BigDecimal("0.1");
    }

    @Override
    public int newOrderRequests() {
        return venue.sim.requests("/0/private/AddOrder");
    }

    @Override
    public int requests() {
        return venue.sim.requests();
    }

    @Override
    public List<String> venueOrderIds() {
        return venue.sim.orders().stream().map(Order::clientOrderId).toList();
    }

    @Override
    public BigDecimal venueBalance(String asset) {
        return venue.sim.total(asset);
    }

    @Override
    public List<SigningExample> signingExamples() {
        KrakenSigner signer = new KrakenSigner(DOC_SECRET);
        return List.of(new SigningExample("docs.kraken.com, Spot REST Authentication, AddOrder example",
                "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==",
                () -> signer.sign("/0/private/AddOrder", "1616492376594",
                        "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25")));
    }

    @Override
    public VenueFaults faults() {
        KrakenSimulator sim = venue.sim;
        return new VenueFaults() {
            @Override
            public void dropConnections() {
                sim.dropAllConnections();
            }

            /** Kraken's edge (Cloudflare) refuses with 429 when connections come too fast, 403 for a banned address, 503 when down. */
            @Override
            public void refuseConnections(Refusal refusal) {
                switch (refusal) {
                    case RATE_LIMITED -> sim.refuseConnections(429, Duration.ofSeconds(1));
                    case BANNED -> sim.refuseConnections(403, Duration.ofSeconds(2));
                    case UNAVAILABLE -> sim.refuseConnections(503, Duration.ZERO);
                }
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
                return sim.ohlcReadsWhileUnfollowed();
            }

            @Override
            public int streamConnectionAttempts() {
                return sim.streamConnectionAttempts();
            }

            @Override
            public void failNextOrderAfterAccepting() {
                sim.failNextOrders(1, FaultInjection.OrderFailure.AFTER_ACCEPTING);
            }

            @Override
            public void stallNextResponse(Duration stall) {
                sim.stallNextAnswer(stall);
            }

            /** Kraken's refusal that says when to come back: {@code EService:Throttled: <unix time>}. */
            @Override
            public void rateLimitNext(Duration retryAfter) {
                sim.throttleNext(retryAfter);
            }

            @Override
            public void sendRawToStreams(String text) {
                sim.sendToStreams(text);
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
        return Set.of("market", "executions");
    }

    @Override
    public int downAfterAttempts() {
        return 4;
    }

    @Override
    public String tickerMessage(String price) {
        // a WebSocket v2 ticker update, prices as Kraken writes them there: JSON numbers
        return "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + venue.sim.pair().wsSymbol() + "\",\"bid\":" + price
                + ",\"bid_qty\":1.5,\"ask\":" + price + ",\"ask_qty\":2.25,\"last\":" + price + ",\"volume\":100,\"vwap\":" + price
                + ",\"low\":" + price + ",\"high\":" + price + ",\"change\":0,\"change_pct\":0}]}";
    }

    @Override
    public int maxMessageBytes() {
        return 65_536;
    }

    @Override
    public void close() {
        venue.close();
    }
}
