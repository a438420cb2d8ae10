package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.core.net.ReconnectingWebSocket;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance market streams (kline and bookTicker) on one combined-stream connection
 * ({@code /stream?streams=a/b}, frames {@code {"stream":..., "data":...}}).
 *
 * <ul>
 *   <li>A kline becomes {@link Event.BarClosed} only when Binance marks it closed ({@code x} true), and
 *       each bar once: a bar whose open time is not after the last one posted is dropped.</li>
 *   <li>Streams added while connected are sent as {@code SUBSCRIBE}; on every (re)connection all
 *       streams are subscribed again.</li>
 *   <li>When a kline stream first opens, the last bar closed before it is read over REST and posted:
 *       that is where the stream takes over. After a reconnect, bars that closed while the connection
 *       was down are fetched over REST. Either way, bars that arrive live meanwhile are held and posted
 *       with the fetched ones in open-time order. At the seam a bar may be posted that the engine
 *       already has from its warmup; the engine drops bars that are not newer than its last.</li>
 *   <li>A frame that cannot be read becomes {@link Event.ErrorRaised} with the raw text; nothing escapes.
 *       A frame over the size limit is refused unread (an error event) and the connection replaced.</li>
 *   <li>{@code serverShutdown} makes the connection move at once, ahead of the venue's cut.</li>
 * </ul>
 */
public final class MarketStream implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "binance:market-stream";

    /** The venue's closed bars over REST, to fill what a stream missed. */
    public interface Backfill {
        /** Closed bars of a symbol and timeframe from {@code from} on, oldest first. */
        List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from);

        /** The most recent closed bar, if any. */
        Optional<Bar> latestClosed(String symbol, Timeframe timeframe);
    }

    private record KlineKey(String symbol, Timeframe timeframe) {
    }

    /** Per symbol and timeframe: the last bar posted, and bars held back while missed ones are fetched. */
    private static final class KlineState {
        long lastOpenMillis = Long.MIN_VALUE;
        boolean backfilling;
        boolean again;
        final List<Bar> held = new ArrayList<>();
    }

    private final BinanceConfig config;
    private final SafeSink sink;
    private final Backfill backfill;
    private final Executor executor;
    private final InstantSource clock;
    private final Set<String> streams = new CopyOnWriteArraySet<>();
    private final Map<String, KlineKey> klineStreams = new ConcurrentHashMap<>();
    private final Map<KlineKey, KlineState> klines = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile ReconnectingWebSocket socket;
    private volatile boolean started;

    public MarketStream(BinanceConfig config, SafeSink sink, Backfill backfill, Executor executor, InstantSource clock) {
        this.config = config;
        this.sink = sink;
        this.backfill = backfill;
        this.executor = executor;
        this.clock = clock;
    }

    public void subscribeKlines(String symbol, Timeframe timeframe) {
        String stream = MarketDataMapping.klineStream(symbol, timeframe);
        KlineKey key = new KlineKey(symbol, timeframe);
        klineStreams.put(stream, key);
        klines.computeIfAbsent(key, k -> new KlineState());
        add(stream);
        ReconnectingWebSocket s = socket;
        if (s != null && s.isOpen()) {
            executor.execute(() -> catchUp(key));
        }
    }

    public void subscribeBookTicker(String symbol) {
        add(MarketDataMapping.bookTickerStream(symbol));
    }

    /** Opens the connection once streams are wanted; called by {@code connect}. */
    public synchronized void start() {
        started = true;
        if (socket == null && !streams.isEmpty()) {
            socket = new ReconnectingWebSocket("binance market", this::uri, this, config.streamOptions());
            socket.start();
        }
    }

    private void add(String stream) {
        if (!streams.add(stream)) {
            return;
        }
        ReconnectingWebSocket s = socket;
        if (s != null) {
            s.send(subscribeMessage(List.of(stream)));
        } else if (started) {
            start();
        }
    }

    private URI uri() {
        return URI.create(config.streamUrl() + "/stream?streams=" + String.join("/", streams));
    }

    private String subscribeMessage(List<String> names) {
        return MarketFrame.subscribe(names, requestIds.incrementAndGet());
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        s.send(subscribeMessage(List.copyOf(streams)));
        klines.keySet().forEach(key -> executor.execute(() -> catchUp(key)));
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "market", state, detail, clock.instant()));
    }

    /** One frame from the venue. Never throws. */
    @Override
    public void onText(String text) {
        try {
            KlineFrameReader.Result kline = KlineFrameReader.read(text);
            if (kline.read()) {
                if (kline.closed() != null) closed(kline.closed());
                healthy();
                return;
            }
            MarketFrame frame = MarketFrame.read(text);
            if (frame.isAnswer()) {
                answer(frame, text);
                return;
            }
            JsonNode data = frame.data();
            String stream = frame.stream();
            String type = data.path("e").asText("");
            if (type.equals("kline")) {
                MarketDataMapping.closedKline(data).ifPresent(this::closed);
                healthy();
            } else if (stream.endsWith("@bookTicker") || (type.isEmpty() && data.has("b") && data.has("a") && data.has("s"))) {
                sink.post(new Event.TickerUpdated(MarketDataMapping.bookTicker(data, clock.instant())));
                healthy();
            } else if (type.equals("serverShutdown")) {
                ReconnectingWebSocket s = socket;
                if (s != null) s.reconnectNow("the venue announced a server shutdown");
            } else {
                sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected market frame (stream '" + stream + "')", text);
            }
        } catch (RuntimeException e) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable market frame: " + e.getMessage(), text);
        }
    }

    private void answer(MarketFrame frame, String text) {
        frame.refusal().ifPresentOrElse(why -> sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "subscription refused: " + why, text),
                this::healthy);
    }

    /** The connection delivers what was asked for: its next drop starts the backoff afresh. */
    private void healthy() {
        ReconnectingWebSocket s = socket;
        if (s != null) s.markHealthy();
    }

    @Override
    public void onRejected(String reason) {
        sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "market message refused: " + reason, "");
    }

    private void closed(Bar bar) {
        KlineState state = klines.get(new KlineKey(bar.symbol(), bar.timeframe()));
        if (state == null) {
            return; // a stream we no longer follow
        }
        synchronized (state) {
            if (state.backfilling) {
                state.held.add(bar);
            } else {
                postIfNew(state, bar);
            }
        }
    }

    private void postIfNew(KlineState state, Bar bar) {
        long open = bar.openTime().toEpochMilli();
        if (open > state.lastOpenMillis) {
            state.lastOpenMillis = open;
            sink.post(new Event.BarClosed(bar));
        }
    }

    /**
     * Brings a kline stream up to date over REST, holding live bars meanwhile: the first time, the last
     * bar closed before the stream took over; after a reconnect, the bars missed. Asked again while
     * running (a second drop), it runs once more when done, so that no gap is left behind.
     */
    private void catchUp(KlineKey key) {
        KlineState state = klines.get(key);
        Instant from;
        synchronized (state) {
            if (state.backfilling) {
                state.again = true;
                return;
            }
            state.backfilling = true;
            from = state.lastOpenMillis == Long.MIN_VALUE ? null
                    : Instant.ofEpochMilli(state.lastOpenMillis).plus(key.timeframe().duration());
        }
        List<Bar> fetched = List.of();
        boolean rerun;
        try {
            fetched = from != null ? backfill.closedBarsSince(key.symbol(), key.timeframe(), from)
                    : backfill.latestClosed(key.symbol(), key.timeframe()).map(List::of).orElse(List.of());
        } catch (RuntimeException e) {
            sink.error(SOURCE, e instanceof io.tradekit.api.TradeKitException t ? t.category() : ErrorCategory.NETWORK,
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
        if (rerun) {
            executor.execute(() -> catchUp(key));
        }
    }

    /** How many times the connection has opened (for tests and diagnostics). */
    public long openCount() {
        ReconnectingWebSocket s = socket;
        return s == null ? 0 : s.openCount();
    }

    @Override
    public void close() {
        ReconnectingWebSocket s = socket;
        if (s != null) s.close();
    }
}
