package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.ReconnectingWebSocket;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.KrakenConfig;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Kraken WebSocket v2 connection kept alive: core's {@link ReconnectingWebSocket} (reconnect with
 * capped, jittered backoff), plus what v2 asks of a client: {@code {"method":"ping"}} every
 * {@code pingInterval}, and a watch on silence. Kraken sends a {@code heartbeat} every second while
 * subscribed, so a connection that stays quiet for {@code silenceTimeout} is dead even if TCP says
 * otherwise: that is reported as an error event and the connection is replaced.
 *
 * <p>A message larger than the configured {@code maxMessageBytes} is refused by the socket before it is
 * buffered whole and reported as an error event; frames that are not JSON, pongs and heartbeats are
 * dealt with here; every other frame goes to the {@link Handler}.
 */
public final class V2Connection implements ReconnectingWebSocket.Listener, AutoCloseable {

    /** The stream's owner. Called on the socket's thread; must not block. */
    public interface Handler {
        void opened(boolean reconnect);

        void frame(JsonNode root, String raw);

        void state(ConnectionState state, String detail);
    }

    private final String source;
    private final KrakenConfig config;
    private final StreamEvents poster;
    private final Handler handler;
    private final ReconnectingWebSocket socket;
    private final ScheduledExecutorService timer;
    private final AtomicLong requestIds = new AtomicLong();
    private volatile long lastFrameMillis = System.currentTimeMillis();
    private volatile boolean silenceReported;

    public V2Connection(String name, String source, URI uri, KrakenConfig config, StreamEvents poster, Handler handler) {
        this.source = source;
        this.config = config;
        this.poster = poster;
        this.handler = handler;
        this.socket = new ReconnectingWebSocket(name, () -> uri, this, new ReconnectingWebSocket.Options(config.connectTimeout(),
                Duration.ofSeconds(60), Duration.ofHours(23), new Backoff(config.reconnectInitial(), config.reconnectMax(), 2.0, 0.5),
                config.maxMessageBytes(), Duration.ofSeconds(30), config.downAfterAttempts()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kraken-ws-keepalive " + name);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        socket.start();
        long period = config.pingInterval().toMillis();
        timer.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
    }

    /** The next request id for a message sent on this connection. */
    public long nextRequestId() {
        return requestIds.incrementAndGet();
    }

    public boolean send(String text) {
        return socket.send(text);
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    public long openCount() {
        return socket.openCount();
    }

    public void reconnectNow(String reason) {
        socket.reconnectNow(reason);
    }

    /** Replaces the connection after {@code delay}, e.g. after a refused subscription. */
    public void reconnectAfter(Duration delay, String reason) {
        try {
            timer.schedule(() -> socket.reconnectNow(reason), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException closed) {
            // shutting down
        }
    }

    private void keepAlive() {
        try {
            if (!socket.isOpen()) return;
            long quiet = System.currentTimeMillis() - lastFrameMillis;
            if (quiet > config.silenceTimeout().toMillis()) {
                if (!silenceReported) {
                    silenceReported = true;
                    poster.error(source, ErrorCategory.NETWORK, "no frame for " + quiet + " ms (heartbeats stopped); reconnecting", "");
                }
                lastFrameMillis = System.currentTimeMillis();
                socket.reconnectNow("stream silent for " + quiet + " ms");
                return;
            }
            socket.send("{\"method\":\"ping\",\"req_id\":" + nextRequestId() + "}");
        } catch (RuntimeException e) {
            poster.error(source, ErrorCategory.INTERNAL, "keep-alive failed: " + e.getMessage(), "");
        }
    }

    @Override
    public void onOpen(ReconnectingWebSocket s, boolean reconnect) {
        lastFrameMillis = System.currentTimeMillis();
        silenceReported = false;
        handler.opened(reconnect);
    }

    @Override
    public void onText(String text) {
        lastFrameMillis = System.currentTimeMillis();
        JsonNode root;
        try {
            root = VenueJson.read(text);
        } catch (MalformedMessage e) {
            poster.error(source, ErrorCategory.MALFORMED_DATA, "unreadable frame: " + e.getMessage(), text);
            return;
        }
        String channel = root.path("channel").asText("");
        String method = root.path("method").asText("");
        if (channel.equals("heartbeat") || channel.equals("status") || method.equals("pong")) {
            return;
        }
        try {
            handler.frame(root, text);
        } catch (RuntimeException e) {
            poster.error(source, ErrorCategory.MALFORMED_DATA, "unreadable frame: " + e.getMessage(), text);
        }
    }

    /** A message over the socket's size limit was refused (never buffered whole) and the connection is being replaced. */
    @Override
    public void onRejected(String reason) {
        poster.error(source, ErrorCategory.MALFORMED_DATA, reason + "; dropped, reconnecting", "");
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        handler.state(state, detail);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        socket.close();
    }
}
