package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.KrakenConfig;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Kraken's public WebSocket v2: {@code ohlc} and {@code ticker} channels on one connection.
 *
 * <ul>
 *   <li>An {@code ohlc} entry describes the period still forming; a period counts as closed when an
 *       entry for a later period arrives, and is then posted as {@link Event.BarClosed}, once.</li>
 *   <li>On every (re)connection every channel is subscribed again. When a bar stream first opens, the
 *       most recent closed bars (up to {@link #RECENT_ON_FIRST_OPEN}) are read over REST, so that bars that
 *       closed between the bot's warmup and the stream's first frame are not lost (the engine drops the
 *       ones it already has); after a reconnect, the bars that closed meanwhile are. Bars that arrive live
 *       meanwhile are held and posted with the fetched ones, in time order ({@link ClosedBarFeed}). The REST read
 *       waits for Kraken's answer to the series' subscription, so that no bar closes between the read and the stream.</li>
 *   <li>A refused subscription or an unreadable frame becomes {@link Event.ErrorRaised}; nothing escapes.</li>
 * </ul>
 */
public final class MarketStream implements V2Connection.Handler, AutoCloseable {

    public static final String SOURCE = "kraken:market-stream";
    /** How many recent closed bars the first catch-up posts, at the most. */
    public static final int RECENT_ON_FIRST_OPEN = 10;

    private record BarKey(String symbol, Timeframe timeframe) {
    }

    /** Per symbol and timeframe: the period forming; it closes when an entry for a later period arrives. */
    private static final class Forming {
        Bar bar;
    }

    private final KrakenConfig config;
    private final StreamEvents poster;
    private final ClosedBarFeed closed;
    private final InstantSource clock;
    private final Function<String, Optional<Pair>> pairs;
    private final Map<BarKey, Forming> bars = new ConcurrentHashMap<>();
    private final Map<String, Pair> tickers = new ConcurrentHashMap<>();
    private volatile V2Connection connection;
    private volatile boolean started;

    /**
     * @param pairs the pair a WebSocket v2 symbol ({@code BTC/USD}) belongs to, among those the bot follows
     */
    public MarketStream(KrakenConfig config, StreamEvents poster, ClosedBarFeed.Backfill backfill, Executor executor, InstantSource clock,
                        Function<String, Optional<Pair>> pairs) {
        this.config = config;
        this.poster = poster;
        this.closed = new ClosedBarFeed(SOURCE, poster, backfill, executor);
        this.clock = clock;
        this.pairs = pairs;
    }

    public void subscribeBars(Pair pair, Timeframe timeframe) {
        MarketData.minutes(timeframe);
        BarKey key = new BarKey(pair.symbol(), timeframe);
        if (bars.putIfAbsent(key, new Forming()) != null) return;
        closed.follow(pair.symbol(), timeframe);
        V2Connection c = connection;
        if (c != null && c.isOpen()) {
            long id = c.nextRequestId();
            closed.catchUpWhenAnswered(id, pair.symbol(), timeframe);
            c.send(ohlcSubscription(pair.wsSymbol(), timeframe, id));
        } else if (started) {
            start();
        }
    }

    public void subscribeTicker(Pair pair) {
        if (tickers.putIfAbsent(pair.wsSymbol(), pair) != null) return;
        V2Connection c = connection;
        if (c != null && c.isOpen()) {
            c.send(tickerSubscription(pair.wsSymbol(), c.nextRequestId()));
        } else if (started) {
            start();
        }
    }

    /** Opens the connection once channels are wanted; called by {@code connect}. */
    public synchronized void start() {
        started = true;
        if (connection == null && (!bars.isEmpty() || !tickers.isEmpty())) {
            connection = new V2Connection("kraken market", SOURCE, config.wsUrl(), config, poster, this);
            connection.start();
        }
    }

    private static String ohlcSubscription(String wsSymbol, Timeframe timeframe, long reqId) {
        ObjectNode m = VenueJson.MAPPER.createObjectNode();
        m.put("method", "subscribe");
        ObjectNode p = m.putObject("params");
        p.put("channel", "ohlc");
        p.putArray("symbol").add(wsSymbol);
        p.put("interval", MarketData.minutes(timeframe));
        m.put("req_id", reqId);
        return m.toString();
    }

    private static String tickerSubscription(String wsSymbol, long reqId) {
        ObjectNode m = VenueJson.MAPPER.createObjectNode();
        m.put("method", "subscribe");
        ObjectNode p = m.putObject("params");
        p.put("channel", "ticker");
        p.putArray("symbol").add(wsSymbol);
        m.put("req_id", reqId);
        return m.toString();
    }

    /** Subscribes every channel again; each bar series catches up over REST once Kraken has answered its subscription. */
    @Override
    public void opened(boolean reconnect) {
        V2Connection c = connection;
        closed.opened();
        for (Map.Entry<BarKey, Forming> e : bars.entrySet()) {
            synchronized (e.getValue()) {
                e.getValue().bar = null; // what formed before the drop may have missed trades: REST has the truth
            }
            BarKey key = e.getKey();
            pairs.apply(key.symbol()).ifPresent(p -> {
                long id = c.nextRequestId();
                closed.catchUpWhenAnswered(id, key.symbol(), key.timeframe());
                c.send(ohlcSubscription(p.wsSymbol(), key.timeframe(), id));
            });
        }
        tickers.keySet().forEach(ws -> c.send(tickerSubscription(ws, c.nextRequestId())));
    }

    @Override
    public void state(ConnectionState state, String detail) {
        poster.post(new Event.ConnectionChanged(KrakenErrors.VENUE, "market", state, detail, clock.instant()));
    }

    @Override
    public void frame(JsonNode root, String raw) {
        String channel = root.path("channel").asText("");
        if (root.has("method")) {
            if (root.has("req_id")) closed.answered(root.path("req_id").asLong(-1));
            if (!root.path("success").asBoolean(true)) {
                poster.error(SOURCE, ErrorCategory.MALFORMED_DATA, "subscription refused: " + root.path("error").asText("no reason given"), raw);
            }
            return;
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            poster.error(SOURCE, ErrorCategory.MALFORMED_DATA, "frame of channel '" + channel + "' has no data array", raw);
            return;
        }
        switch (channel) {
            case "ohlc" -> {
                List<JsonNode> entries = new ArrayList<>();
                data.forEach(entries::add);
                entries.sort(Comparator.comparing(d -> d.path("interval_begin").asText("")));
                for (JsonNode d : entries) ohlc(d, raw);
            }
            case "ticker" -> {
                for (JsonNode d : data) {
                    Optional<Pair> pair = pairs.apply(VenueJson.text(d, "symbol"));
                    if (pair.isEmpty()) continue; // a symbol this bot no longer follows
                    poster.post(new Event.TickerUpdated(MarketData.ticker(d, pair.get().symbol(), clock.instant())));
                }
            }
            default -> poster.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected channel '" + channel + "'", raw);
        }
    }

    private void ohlc(JsonNode d, String raw) {
        Optional<Pair> pair = pairs.apply(VenueJson.text(d, "symbol"));
        if (pair.isEmpty()) return;
        Timeframe timeframe = new Timeframe(java.time.Duration.ofMinutes(VenueJson.integer(d, "interval")));
        Forming state = bars.get(new BarKey(pair.get().symbol(), timeframe));
        if (state == null) return;
        Bar bar = MarketData.ohlc(d, pair.get().symbol(), timeframe);
        synchronized (state) {
            Bar forming = state.bar;
            if (forming != null && bar.openTime().isBefore(forming.openTime())) return; // a late entry for a closed period
            if (forming != null && bar.openTime().isAfter(forming.openTime())) {
                closed.closed(forming);
            }
            state.bar = bar;
        }
    }

    public long openCount() {
        V2Connection c = connection;
        return c == null ? 0 : c.openCount();
    }

    @Override
    public void close() {
        V2Connection c = connection;
        if (c != null) c.close();
    }
}
