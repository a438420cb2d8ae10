package io.tradekit.bybit.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.StreamEvents;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps a Bybit stream alive and notices when it is not: sends {@code {"op":"ping"}} every ping interval
 * (Bybit cuts idle connections after 10 minutes and asks for a ping every 20 s), and when no frame at
 * all, not even the pong, arrived for the silence timeout, reports the silence as an error event and
 * reconnects. A venue that keeps the TCP connection open but stops talking is found this way; the
 * WebSocket-level ping of {@link ReconnectingWebSocket} alone would not see it. A connection that is
 * open but not ready (the private stream's auth or subscription never answered) within the silence
 * timeout is reported and reconnected the same way.
 */
public final class Heartbeat implements AutoCloseable {

    /** The largest frame a Bybit stream is trusted with; Bybit's pushes are a few kilobytes. */
    public static final int MAX_FRAME_CHARS = 1 << 20;

    /** A connection up this long resets the reconnect backoff (the socket's standard). */
    private static final Duration STABLE_AFTER = Duration.ofSeconds(30);

    private final String source;
    private final Duration interval;
    private final Duration silence;
    private final StreamEvents events;
    private final LongSupplier clock;
    private final AtomicLong lastFrame = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final AtomicLong openedAt = new AtomicLong();
    private volatile ReconnectingWebSocket socket;
    private volatile BooleanSupplier ready = () -> true;

    public Heartbeat(String source, Duration interval, Duration silence, StreamEvents events, LongSupplier clock) {
        this.source = source;
        this.interval = interval;
        this.silence = silence;
        this.events = events;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bybit-heartbeat " + source);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching {@code ws}; ticks at a quarter of the ping interval so that silence is seen soon after it passes. */
    public void watch(ReconnectingWebSocket ws, BooleanSupplier isReady) {
        this.ready = isReady;
        this.socket = ws;
        lastFrame.set(clock.getAsLong());
        long tick = Math.max(10, Math.min(interval.toMillis(), silence.toMillis()) / 4);
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * The socket options of a Bybit stream whose silence a heartbeat watches: the socket's own
     * lost-connection timeout counts whole seconds (at least one), while the heartbeat may watch a shorter
     * silence itself; Bybit sets no maximum connection age.
     */
    public static ReconnectingWebSocket.Options socketOptions(BybitConfig config) {
        long seconds = Math.max(1, (config.silenceTimeout().toMillis() + 999) / 1000);
        return new ReconnectingWebSocket.Options(config.connectTimeout(), Duration.ofSeconds(seconds), Duration.ofDays(3650),
                new Backoff(config.reconnectInitial(), config.reconnectMax(), 2.0, 0.5), config.maxMessageBytes(), STABLE_AFTER,
                config.downAfterAttempts());
    }

    /** A frame arrived: the stream is alive. */
    public void alive() {
        lastFrame.set(clock.getAsLong());
    }

    /**
     * A frame arrived: the stream is alive. Returns false, after reporting it, when the frame is larger
     * than {@link #MAX_FRAME_CHARS} and must not be read.
     */
    public boolean accept(String frame) {
        alive();
        if (frame.length() <= MAX_FRAME_CHARS) return true;
        events.error(source, ErrorCategory.MALFORMED_DATA, "frame of " + frame.length() + " characters is over the limit of "
                + MAX_FRAME_CHARS + "; dropped", frame);
        return false;
    }

    /** A connection opened: it has the silence timeout to become ready. */
    public void opened() {
        long now = clock.getAsLong();
        lastFrame.set(now);
        openedAt.set(now);
    }

    private long lastPing;

    private void tick() {
        ReconnectingWebSocket ws = socket;
        if (ws == null || !ws.isOpen()) {
            lastFrame.set(clock.getAsLong()); // the reconnect logic owns a closed socket; silence counts from the next open
            return;
        }
        long now = clock.getAsLong();
        long quiet = now - lastFrame.get();
        long waiting = now - openedAt.get();
        if (!ready.getAsBoolean() && waiting >= silence.toMillis()) {
            openedAt.set(now);
            events.error(source, ErrorCategory.NETWORK, "not ready " + waiting + " ms after connecting (no answer to auth or subscribe); reconnecting", "");
            ws.reconnectNow("not ready after " + waiting + " ms");
            return;
        }
        if (quiet >= silence.toMillis()) {
            lastFrame.set(now);
            events.error(source, ErrorCategory.NETWORK, "no frame for " + quiet + " ms (silence timeout " + silence.toMillis()
                    + " ms); reconnecting", "");
            ws.reconnectNow("silent for " + quiet + " ms");
            return;
        }
        if (now - lastPing >= interval.toMillis()) {
            lastPing = now;
            ws.send("{\"req_id\":\"ping-" + pings.incrementAndGet() + "\",\"op\":\"ping\"}");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
