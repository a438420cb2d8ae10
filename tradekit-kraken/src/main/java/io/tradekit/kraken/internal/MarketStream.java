package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Timeframe;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.KrakenConfig;

import java.time.Instant;
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
 *       meanwhile are held and posted with the fetched ones, in time order.</li>
 *   <li>A refused subscription or an unreadable frame becomes {@link Event.ErrorRaised}; nothing escapes.</li>
 * </ul>
 */
public final class MarketStream implements V2Connection.Handler, AutoCloseable {

    public static final String SOURCE = "kraken:market-stream";
    /** How many recent closed bars the first catch-up posts. */
    public static final int RECENT_ON_FIRST_OPEN = 10;

    /** The venue's closed bars over REST, to fill what a stream missed. */
    public interface Backfill {
        List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from);

        /** The most recent closed bars, oldest first. */
        List<Bar> recentClosed(String symbol, Timeframe timeframe);
    }

    private record BarKey(String symbol, Timeframe timeframe) {
    }

    /** Per symbol and timeframe: the period forming, the last bar posted, bars held while missed ones are fetched. */
    private static final class BarState {
        Bar forming;
        long lastPostedOpen = Long.MIN_VALUE;
        boolean backfilling;
        boolean again;
        final List<Bar> held = new ArrayList<>();
    }

    private final KrakenConfig config;
    private final StreamEvents poster;
    private final Backfill backfill;
    private final Executor executor;
    private final InstantSource clock;
    private final Function<String, Optional<Pair>> pairs;
    private final Map<BarKey, BarState> bars = new ConcurrentHashMap<>();
    private final Map<String, Pair> tickers = new ConcurrentHashMap<>();
    private volatile V2Connection connection;
    private volatile boolean started;

    /**
     * @param pairs the pair a WebSocket v2 symbol ({@code BTC/USD}) belongs to, among those the bot follows
     */
    public MarketStream(KrakenConfig config, StreamEvents poster, Backfill backfill, Executor executor, InstantSource clock,
                        Function<String, Optional<Pair>> pairs) {
        this.config = config;
        this.poster = poster;
        this.backfill = backfill;
        this.executor = executor;
        this.clock = clock;
        this.pairs = pairs;
    }

    public void subscribeBars(Pair pair, Timeframe timeframe) {
        MarketData.minutes(timeframe);
        BarKey key = new BarKey(pair.symbol(), timeframe);
        if (bars.putIfAbsent(key, new BarState()) != null) return;
        V2Connection c = connection;
        if (c != null && c.isOpen()) {
            c.send(ohlcSubscription(pair.wsSymbol(), timeframe, c.nextRequestId()));
            executor.execute(() -> catchUp(key));
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

    @Override
    public void opened(boolean reconnect) {
        V2Connection c = connection;
        for (Map.Entry<BarKey, BarState> e : bars.entrySet()) {
            synchronized (e.getValue()) {
                e.getValue().forming = null; // what formed before the drop may have missed trades: REST has the truth
            }
            pairs.apply(e.getKey().symbol()).ifPresent(p -> c.send(ohlcSubscription(p.wsSymbol(), e.getKey().timeframe(), c.nextRequestId())));
        }
        tickers.keySet().forEach(ws -> c.send(tickerSubscription(ws, c.nextRequestId())));
        bars.keySet().forEach(key -> executor.execute(() -> catchUp(key)));
    }

    @Override
    public void state(ConnectionState state, String detail) {
        poster.post(new Event.ConnectionChanged(KrakenErrors.VENUE, "market", state, detail, clock.instant()));
    }

    @Override
    public void frame(JsonNode root, String raw) {
        String channel = root.path("channel").asText("");
        if (root.has("method")) {
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
        BarState state = bars.get(new BarKey(pair.get().symbol(), timeframe));
        if (state == null) return;
        Bar bar = MarketData.ohlc(d, pair.get().symbol(), timeframe);
        synchronized (state) {
            Bar forming = state.forming;
            if (forming != null && bar.openTime().isBefore(forming.openTime())) return; // a late entry for a closed period
            if (forming != null && bar.openTime().isAfter(forming.openTime())) {
                closed(state, forming);
            }
            state.forming = bar;
        }
    }

    private void closed(BarState state, Bar bar) {
        if (state.backfilling) {
            state.held.add(bar);
        } else {
            postIfNew(state, bar);
        }
    }

    private void postIfNew(BarState state, Bar bar) {
        long open = bar.openTime().toEpochMilli();
        if (open > state.lastPostedOpen) {
            state.lastPostedOpen = open;
            poster.post(new Event.BarClosed(bar));
        }
    }

    /** Brings a bar stream up to date over REST, holding live bars meanwhile; asked again while running, it runs once more after. */
    private void catchUp(BarKey key) {
        BarState state = bars.get(key);
        Instant from;
        synchronized (state) {
            if (state.backfilling) {
                state.again = true;
                return;
            }
            state.backfilling = true;
            from = state.lastPostedOpen == Long.MIN_VALUE ? null : Instant.ofEpochMilli(state.lastPostedOpen).plus(key.timeframe().duration());
        }
        List<Bar> fetched = List.of();
        boolean rerun;
        try {
            fetched = from != null ? backfill.closedBarsSince(key.symbol(), key.timeframe(), from)
                    : last(backfill.recentClosed(key.symbol(), key.timeframe()), RECENT_ON_FIRST_OPEN);
        } catch (RuntimeException e) {
            poster.error(SOURCE, e instanceof TradeKitException t ? t.category() : ErrorCategory.NETWORK,
                    "could not read " + key.symbol() + " " + key.timeframe() + " bars over REST to catch the stream up: " + e.getMessage(), "");
        } finally {
            synchronized (state) {
                List<Bar> all = new ArrayList<>(fetched);
                all.addAll(state.held);
                all.sort(Comparator.comparing(Bar::openTime));
                all.forEach(b -> postIfNew(state, b));
                state.held.clear();
                state.backfilling = false;
                rerun = state.again;
                state.again = false;
            }
        }
        if (rerun) executor.execute(() -> catchUp(key));
    }

    private static List<Bar> last(List<Bar> bars, int count) {
        return bars.subList(Math.max(0, bars.size() - count), bars.size());
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
