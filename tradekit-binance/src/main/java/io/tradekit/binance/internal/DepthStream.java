package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderBook;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.Sleeper;
import io.tradekit.core.net.StreamEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Binance local order books: the diff depth streams ({@code <symbol>@depth@100ms} or {@code <symbol>@depth}) on a
 * combined-stream connection of their own, and a {@code GET /api/v3/depth} snapshot per symbol, kept in step as
 * {@link DepthSync} says. Every change of a book in step is posted as {@link Event.OrderBookUpdated} with the
 * whole book.
 *
 * <ul>
 *   <li>On every (re)connection, and whenever a diff does not continue the book (a gap), the symbol's book is
 *       dropped and rebuilt from a new snapshot, diffs buffered meanwhile.</li>
 *   <li>A snapshot that fails or does not fit the stream is fetched again after a jittered, capped backoff (the
 *       streams' reconnect backoff). After {@code downAfterAttempts} in a row the symbol's book is reported
 *       {@link ConnectionState#DISCONNECTED} (stream {@code depth <SYMBOL>}) and fetching goes on; the book is
 *       reported {@link ConnectionState#CONNECTED} again once it is back in step.</li>
 *   <li>The connection itself reconnects, is reported down and refuses oversized frames as every stream of the
 *       adapter does ({@link ReconnectingWebSocket}, stream {@code depth}). A frame that cannot be read becomes
 *       {@link Event.ErrorRaised} with the raw text; the book then meets a gap at the next diff and resyncs.</li>
 * </ul>
 */
public final class DepthStream implements ReconnectingWebSocket.Listener, AutoCloseable {

    public static final String SOURCE = "binance:depth-stream";

    /** The most levels a side of a local book keeps: Binance's largest snapshot. */
    static final int MAX_LEVELS = Endpoint.DEPTH_MAX_LIMIT;
    /** Diffs held while a snapshot is fetched: at 100 ms, well over a minute of them. */
    static final int MAX_BUFFERED = 1000;

    private static final Logger log = LoggerFactory.getLogger(DepthStream.class);

    /** Reads the venue's depth snapshot of a symbol. */
    public interface Snapshots {
        DepthMapping.DepthSnapshot snapshot(String symbol, int limit);
    }

    /** One symbol's book and the state of its snapshot fetching; guarded by itself. */
    private static final class Followed {
        final String symbol;
        final DepthSync sync;
        boolean fetching;
        boolean reportedDown;

        Followed(String symbol) {
            this.symbol = symbol;
            this.sync = new DepthSync(symbol, MAX_LEVELS, MAX_BUFFERED);
        }
    }

    private final BinanceConfig config;
    private final StreamEvents sink;
    private final Snapshots snapshots;
    private final Executor executor;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final RandomGenerator random = RandomGenerator.getDefault();
    /** By stream name, e.g. {@code btcusdt@depth@100ms}. */
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile ReconnectingWebSocket socket;
    private volatile boolean started;
    private volatile boolean closed;

    public DepthStream(BinanceConfig config, StreamEvents sink, Snapshots snapshots, Executor executor, InstantSource clock, Sleeper sleeper) {
        this.config = config;
        this.sink = sink;
        this.snapshots = snapshots;
        this.executor = executor;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = config.streamOptions().backoff();
    }

    /** Follows the symbol's book; its stream opens with {@link #start} or at once when already started. */
    public void subscribe(String symbol) {
        String stream = DepthMapping.stream(symbol, config.depthSpeedMillis());
        if (followed.putIfAbsent(stream, new Followed(symbol)) != null) {
            return;
        }
        ReconnectingWebSocket s = socket;
        if (s != null) {
            if (s.send(subscribeMessage(stream))) resync(followed.get(stream), "subscribed");
        } else if (started) {
            start();
        }
    }

    /** Opens the connection once a book is wanted; called by {@code connect}. */
    public synchronized void start() {
        started = true;
        if (socket == null && !followed.isEmpty() && !closed) {
            socket = new ReconnectingWebSocket("binance depth", this::uri, this, config.streamOptions());
            socket.start();
        }
    }

    private URI uri() {
        return URI.create(config.streamUrl() + "/stream?streams=" + String.join("/", followed.keySet()));
    }

    private String subscribeMessage(String stream) {
        return MarketFrame.subscribe(List.of(stream), requestIds.incrementAndGet());
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        // the URI named the streams followed when it was made; one added since is subscribed here
        s.send(MarketFrame.subscribe(List.copyOf(followed.keySet()), requestIds.incrementAndGet()));
        followed.values().forEach(f -> resync(f, reconnect ? "reconnected" : "connected"));
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        if (state != ConnectionState.CONNECTED) {
            // diffs are being lost: no book is posted until a snapshot after the reconnection
            followed.values().forEach(f -> {
                synchronized (f) {
                    f.sync.restart();
                }
            });
        }
        sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "depth", state, detail, clock.instant()));
    }

    /** One frame from the venue. Never throws. */
    @Override
    public void onText(String text) {
        try {
            MarketFrame frame = MarketFrame.read(text);
            if (frame.isAnswer()) {
                frame.refusal().ifPresent(why -> sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "depth subscription refused: " + why, text));
                return;
            }
            JsonNode data = frame.data();
            String type = data.path("e").asText("");
            if (type.equals("serverShutdown")) {
                ReconnectingWebSocket s = socket;
                if (s != null) s.reconnectNow("the venue announced a server shutdown");
                return;
            }
            String stream = frame.stream();
            Followed f = followed.get(stream);
            if (f == null) {
                sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unexpected depth frame (stream '" + stream + "')", text);
                return;
            }
            DepthMapping.DepthDiff diff = DepthMapping.diff(data);
            if (!diff.symbol().equals(f.symbol)) {
                sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "depth frame of " + diff.symbol() + " on stream '" + stream + "'", text);
                return;
            }
            onDiff(f, diff);
            ReconnectingWebSocket s = socket;
            if (s != null) s.markHealthy();
        } catch (RuntimeException e) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "unreadable depth frame: " + e.getMessage(), text);
        }
    }

    @Override
    public void onRejected(String reason) {
        sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "depth message refused: " + reason, "");
    }

    private void onDiff(Followed f, DepthMapping.DepthDiff diff) {
        synchronized (f) {
            switch (f.sync.onDiff(diff)) {
                case APPLIED -> publish(f);
                case GAP -> {
                    log.info("binance {} depth: update {}..{} does not follow the book; fetching a new snapshot", f.symbol,
                            diff.firstUpdateId(), diff.lastUpdateId());
                    resync(f, "gap in update ids");
                }
                case BUFFERED, IGNORED -> {
                }
            }
        }
    }

    /** Posts the book; a book whose levels cross is not the venue's and is rebuilt. Called holding {@code f}. */
    private void publish(Followed f) {
        OrderBook book;
        try {
            book = f.sync.book().orElseThrow();
        } catch (InvalidInputException crossed) {
            sink.error(SOURCE, ErrorCategory.MALFORMED_DATA, "binance " + f.symbol + " depth: " + crossed.getMessage() + "; rebuilding the book", "");
            f.sync.restart();
            resync(f, "crossed book");
            return;
        }
        sink.post(new Event.OrderBookUpdated(book));
    }

    /** Starts over from a snapshot, unless a fetch is already under way (it will see the buffer as it is then). */
    private void resync(Followed f, String why) {
        synchronized (f) {
            if (f.sync.inSync()) f.sync.restart();
            if (f.fetching || closed) return;
            f.fetching = true;
        }
        log.debug("binance {} depth: fetching a snapshot ({})", f.symbol, why);
        executor.execute(() -> fetchUntilInSync(f));
    }

    /** Fetches snapshots, backing off between attempts, until one fits the stream. */
    private void fetchUntilInSync(Followed f) {
        int failures = 0;
        String lastProblem = "";
        while (!closed) {
            if (failures > 0) {
                try {
                    sleeper.sleep(backoff.delay(failures, random));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            DepthMapping.DepthSnapshot snapshot;
            try {
                snapshot = snapshots.snapshot(f.symbol, config.depthLimit());
            } catch (RuntimeException e) {
                failures++;
                lastProblem = e.getMessage();
                log.warn("binance {} depth: snapshot attempt {} failed: {}", f.symbol, failures, lastProblem);
                reportIfDown(f, failures, lastProblem, e);
                continue;
            }
            synchronized (f) {
                DepthSync.SnapshotOutcome outcome = f.sync.onSnapshot(snapshot, clock.instant());
                if (outcome == DepthSync.SnapshotOutcome.IN_SYNC) {
                    f.fetching = false;
                    publish(f);
                    if (f.reportedDown) {
                        f.reportedDown = false;
                        sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "depth " + f.symbol, ConnectionState.CONNECTED,
                                "order book back in step at update " + f.sync.updateId(), clock.instant()));
                    }
                    return;
                }
                failures++;
                lastProblem = outcome == DepthSync.SnapshotOutcome.TOO_OLD ? "snapshot " + snapshot.lastUpdateId() + " older than the stream"
                        : "snapshot " + snapshot.lastUpdateId() + " not continued by the buffered updates";
            }
            reportIfDown(f, failures, lastProblem, null);
        }
        synchronized (f) {
            f.fetching = false;
        }
    }

    private void reportIfDown(Followed f, int failures, String problem, RuntimeException cause) {
        boolean report;
        synchronized (f) {
            report = failures >= config.downAfterAttempts() && !f.reportedDown;
            if (report) f.reportedDown = true;
        }
        if (report) {
            ErrorCategory category = cause instanceof TradeKitException t ? t.category() : ErrorCategory.NETWORK;
            sink.post(new Event.ConnectionChanged(BinanceErrors.VENUE, "depth " + f.symbol, ConnectionState.DISCONNECTED,
                    "order book snapshot failed " + failures + " times in a row (last: " + category + ", " + problem
                            + "); still trying, the book is stale", clock.instant()));
        }
    }

    @Override
    public void close() {
        closed = true;
        ReconnectingWebSocket s = socket;
        if (s != null) s.close();
    }
}
