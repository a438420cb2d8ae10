package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.core.net.ClosedBarFeed;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.StreamEvents;

import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

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
 *       with the fetched ones in open-time order ({@link ClosedBarFeed}). The REST read waits for the venue's
 *       answer to the connection's {@code SUBSCRIBE}, so that no bar closes between the read and the stream. At the seam a bar may be posted
 *       that the engine already has from its warmup; the engine drops bars that are not newer than its last.</li>
 *   <li>A frame that cannot be read becomes {@link Event.ErrorRaised} with the raw text; nothing escapes.
 *       A frame over the size limit is refused unread (an error event) and the connection replaced.</li>
 *   <li>{@code serverShutdown} makes the connection move at once, ahead of the venue's cut.</li>
 * </ul>
 */
public final class MarketStream implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "binance:market-stream";

    private final BinanceConfig config;
    private final StreamEvents sink;
    private final ClosedBarFeed bars;
    private final InstantSource clock;
    private final Set<String> streams = new CopyOnWriteArraySet<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile ReconnectingWebSocket socket;
    private volatile boolean started;

    /**
     * A market stream following nothing yet.
     *
     * @param config the venue's endpoints and stream options
     * @param sink where events go
     * @param backfill the venue's closed bars over REST, to fill what a stream missed
     * @param executor where catch-ups run (they make blocking REST calls)
     * @param clock the time stamped on tickers and connection changes
     */
    public MarketStream(BinanceConfig config, StreamEvents sink, ClosedBarFeed.Backfill backfill, Executor executor, InstantSource clock) {
        this.config = config;
        this.sink = sink;
        this.bars = new ClosedBarFeed(SOURCE, sink, backfill, executor);
        this.clock = clock;
    }

    public void subscribeKlines(String symbol, Timeframe timeframe) {
        bars.follow(symbol, timeframe);
        add(MarketDataMapping.klineStream(symbol, timeframe), id -> bars.catchUpWhenAnswered(id, symbol, timeframe));
    }

    public void subscribeBookTicker(String symbol) {
        add(MarketDataMapping.bookTickerStream(symbol), id -> { });
    }

    /** Opens the connection once streams are wanted; called by {@code connect}. */
    public synchronized void start() {
        started = true;
        if (socket == null && !streams.isEmpty()) {
            socket = new ReconnectingWebSocket("binance market", this::uri, this, config.streamOptions());
            socket.start();
        }
    }

    /** Follows {@code stream}; on an open connection, {@code beforeRequest} learns the id of the SUBSCRIBE about to be sent. */
    private void add(String stream, LongConsumer beforeRequest) {
        if (!streams.add(stream)) {
            return;
        }
        ReconnectingWebSocket s = socket;
        if (s != null) {
            long id = requestIds.incrementAndGet();
            beforeRequest.accept(id);
            s.send(MarketFrame.subscribe(List.of(stream), id));
        } else if (started) {
            start();
        }
    }

    private URI uri() {
        return URI.create(config.streamUrl() + "/stream?streams=" + String.join("/", streams));
    }

    /**
     * The URL already names the streams; the SUBSCRIBE sent again is there for its answer: once the venue has answered
     * it, it surely follows every stream, and only then may bars be read over REST to catch up.
     */
    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        long id = requestIds.incrementAndGet();
        bars.opened();
        bars.catchUpAllWhenAnswered(id);
        s.send(MarketFrame.subscribe(List.copyOf(streams), id));
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
                if (kline.closed() != null) bars.closed(kline.closed());
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
                MarketDataMapping.closedKline(data).ifPresent(bars::closed);
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
        bars.answered(frame.answer().path("id").asLong(-1));
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
