package io.tradekit.core.net;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.event.ConnectionState;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A WebSocket to a venue that stays up: it reconnects with jittered backoff after any drop, calls the
 * listener's {@link Listener#onOpen} on every (re)connection so that subscriptions are sent again,
 * answers the venue's pings (Java-WebSocket echoes the payload), detects a silent connection with its own
 * pings, and reconnects on purpose before the venue's maximum connection age (Binance cuts at 24 h).
 *
 * <p>The backoff grows until a connection proves itself: the owner calls {@link #markHealthy()} once it
 * is usable (subscribed, authenticated), or the connection stays up for {@link Options#stableAfter()}.
 * A venue that accepts and at once refuses (a ban, a rate limit, a failing login) therefore meets
 * ever longer waits up to the cap, never a reconnect storm. After {@link Options#downAfterAttempts()}
 * failed attempts in a row the stream is reported {@link ConnectionState#DISCONNECTED} (it keeps
 * trying), so that a bot can treat its data as stale. An inbound message larger than
 * {@link Options#maxMessageBytes()} is refused ({@link Listener#onRejected}) and the connection
 * replaced: nothing that size is ever buffered whole, and the messages that arrived before it, in the same
 * socket read too, are handed on first ({@link SizeLimitedDraft}).
 *
 * <p>Each connection is a fresh {@link WebSocketClient}; callbacks of a connection that has been
 * replaced are ignored, so a late close of an old socket never tears down the new one. Listener methods
 * run on the socket's I/O thread and must not block.
 *
 * <pre>{@code ReconnectingWebSocket ws = new ReconnectingWebSocket("binance market", () -> uri, listener, Options.standard());
 * ws.start();}</pre>
 */
public final class ReconnectingWebSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingWebSocket.class);

    /** What the owner of the socket is told. Called on the socket's thread; must not block. */
    public interface Listener {

        /**
         * A connection is open: send subscriptions (again). {@code reconnect} is false on the first open.
         *
         * @param socket the socket that opened, to send subscriptions on
         * @param reconnect whether an earlier connection of this socket had opened before
         */
        void onOpen(ReconnectingWebSocket socket, boolean reconnect);

        /**
         * A text message arrived (within the size limit).
         *
         * @param text the whole message
         */
        void onText(String text);

        /**
         * The socket connected, dropped or is about to reconnect; {@code detail} says why.
         *
         * @param state the new state
         * @param detail why, for logs and the bot's connection events
         */
        void onState(ConnectionState state, String detail);

        /**
         * An inbound message was refused (e.g. larger than the limit) and the connection is being replaced.
         *
         * @param reason why it was refused
         */
        default void onRejected(String reason) {
        }
    }

    /**
     * How the socket connects, detects a dead connection, backs off and limits messages.
     *
     * @param connectTimeout        how long a TCP/TLS connect may take
     * @param connectionLostTimeout how long without any frame (pongs to our pings included) before the
     *                              connection counts as dead; whole seconds, at least 1
     * @param maxConnectionAge      when to reconnect on purpose, ahead of the venue's own cut
     * @param backoff               waits between reconnect attempts
     * @param maxMessageBytes       the largest inbound message accepted
     * @param stableAfter           a connection up this long resets the backoff even without {@link #markHealthy()}
     * @param downAfterAttempts     failed attempts in a row after which the stream is reported down
     */
    public record Options(Duration connectTimeout, Duration connectionLostTimeout, Duration maxConnectionAge, Backoff backoff,
                          int maxMessageBytes, Duration stableAfter, int downAfterAttempts) {
        /** 1 MiB: far above any venue frame tradekit reads. */
        public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

        /**
         * Checks the options.
         *
         * @throws NullPointerException if a duration or the backoff is null
         * @throws InvalidInputException if {@code maxConnectionAge} is not positive, {@code connectionLostTimeout} is under a
         *         second, {@code maxMessageBytes} under 1024 or {@code downAfterAttempts} under 1
         */
        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(connectionLostTimeout, "connectionLostTimeout");
            Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(stableAfter, "stableAfter");
            if (maxConnectionAge.isNegative() || maxConnectionAge.isZero()) {
                throw new InvalidInputException("websocket max connection age must be positive, got " + maxConnectionAge);
            }
            if (connectionLostTimeout.toSeconds() < 1) {
                throw new InvalidInputException("websocket lost-connection timeout must be at least 1 s, got " + connectionLostTimeout);
            }
            if (maxMessageBytes < 1024) {
                throw new InvalidInputException("websocket message size limit must be at least 1024 bytes, got " + maxMessageBytes);
            }
            if (downAfterAttempts < 1) {
                throw new InvalidInputException("websocket down-after attempts must be 1 or more, got " + downAfterAttempts);
            }
        }

        /**
         * The first four, with a 1 MiB message limit, stable after 30 s, reported down after 5 failed attempts.
         *
         * @param connectTimeout how long a TCP/TLS connect may take
         * @param connectionLostTimeout how long without any frame before the connection counts as dead; at least 1 s
         * @param maxConnectionAge when to reconnect on purpose; positive
         * @param backoff waits between reconnect attempts
         */
        public Options(Duration connectTimeout, Duration connectionLostTimeout, Duration maxConnectionAge, Backoff backoff) {
            this(connectTimeout, connectionLostTimeout, maxConnectionAge, backoff, DEFAULT_MAX_MESSAGE_BYTES, Duration.ofSeconds(30), 5);
        }

        /**
         * 10 s connect, 60 s lost-connection timeout, reconnect after 23 h 50 min, standard backoff.
         *
         * @return the standard options
         */
        public static Options standard() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(23).plusMinutes(50), Backoff.standard());
        }
    }

    private final String name;
    private final Supplier<URI> uri;
    private final Listener listener;
    private final Options options;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ScheduledExecutorService timer;

    private final Object lock = new Object();
    private Connection current;
    private volatile long generation;
    private int failedAttempts;
    private boolean reportedDown;
    private long opens;
    private boolean started;
    private boolean closed;
    private ScheduledFuture<?> ageTimer;

    /**
     * A socket that does not connect until {@link #start()}.
     *
     * @param name the socket's name in logs and threads (e.g. {@code binance market})
     * @param uri where to connect, asked anew on every connection (a venue may hand out a fresh URL or token)
     * @param listener told of messages and state changes, on the socket's thread
     * @param options how to connect and reconnect
     * @throws NullPointerException if an argument is null
     */
    public ReconnectingWebSocket(String name, Supplier<URI> uri, Listener listener, Options options) {
        this.name = Objects.requireNonNull(name, "name");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = Objects.requireNonNull(options, "options");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ws-timer " + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects for the first time; later connections happen by themselves. Calling it twice does nothing. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
        }
        timer.execute(this::connect);
    }

    /**
     * Sends a text frame on the open connection; false when there is none (it will resubscribe on open).
     * Safe to call from any thread.
     *
     * @param text the frame's text
     * @return true if the frame was handed to the connection, false if none is open or sending failed
     */
    public boolean send(String text) {
        Connection c;
        synchronized (lock) {
            c = current;
        }
        if (c == null || !c.isOpen()) {
            return false;
        }
        try {
            c.send(text);
            return true;
        } catch (RuntimeException e) {
            log.debug("{}: send failed: {}", name, e.toString());
            return false;
        }
    }

    /**
     * Whether a connection is open now.
     *
     * @return true while the current connection is open
     */
    public boolean isOpen() {
        synchronized (lock) {
            return current != null && current.isOpen();
        }
    }

    /**
     * How many times a connection has opened since {@link #start}.
     *
     * @return the number of opens, the first included
     */
    public long openCount() {
        synchronized (lock) {
            return opens;
        }
    }

    /**
     * Closes the current connection on purpose and opens a new one at once, e.g. before the venue's cut
     * or when it announces a shutdown. A connection that had not yet proved itself reconnects after the
     * backoff instead, so that a venue asking for it over and over cannot cause a storm.
     * Does nothing after {@link #close()} or before the first connection.
     *
     * @param reason why, sent as the close frame's reason and logged
     */
    public void reconnectNow(String reason) {
        Connection c;
        synchronized (lock) {
            if (closed || current == null) {
                return;
            }
            c = current;
            c.planned = reason;
        }
        c.close(1000, reason);
    }

    /**
     * Gives up on the current connection because it turned out unusable (a refused login or
     * subscription): it is closed and replaced after the backoff, which keeps growing.
     *
     * @param reason why, sent as the close frame's reason and logged
     */
    public void reconnectAfterFailure(String reason) {
        reconnectAfterFailure(reason, Duration.ZERO);
    }

    /**
     * As {@link #reconnectAfterFailure(String)}, waiting at least {@code atLeast} (a venue's retry-after).
     *
     * @param reason why, sent as the close frame's reason and logged
     * @param atLeast the shortest wait before the next attempt, whatever the backoff says
     */
    public void reconnectAfterFailure(String reason, Duration atLeast) {
        Connection c;
        synchronized (lock) {
            if (closed || current == null) {
                return;
            }
            c = current;
            c.failure = reason;
            c.minimumWait = atLeast;
        }
        c.close(1000, reason);
    }

    /** The current connection is usable: the next drop starts the backoff from its first step again. */
    public void markHealthy() {
        synchronized (lock) {
            if (current != null) current.healthy = true;
        }
    }

    /** Closes for good: no reconnect follows. */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            current = null;
            generation++;
            if (ageTimer != null) ageTimer.cancel(false);
        }
        if (c != null) {
            c.close(1000, "closed by client");
        }
        timer.shutdownNow();
        safeState(ConnectionState.DISCONNECTED, "closed");
    }

    private void connect() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            c = new Connection(uri.get(), ++generation);
            current = c;
        }
        c.setConnectionLostTimeout((int) options.connectionLostTimeout().toSeconds());
        c.setTcpNoDelay(true);
        try {
            c.connect();
        } catch (RuntimeException e) {
            log.debug("{}: connect failed: {}", name, e.toString());
            scheduleReconnect(c.generation, "connect failed: " + e.getMessage(), false);
        }
    }

    private void opened(Connection c) {
        boolean reconnect;
        synchronized (lock) {
            if (c.generation != generation || closed) {
                return;
            }
            c.openedAtNanos = System.nanoTime();
            reconnect = opens > 0;
            opens++;
            if (ageTimer != null) ageTimer.cancel(false);
            ageTimer = timer.schedule(() -> reconnectNow("planned reconnect before the maximum connection age of "
                    + options.maxConnectionAge()), options.maxConnectionAge().toMillis(), TimeUnit.MILLISECONDS);
        }
        synchronized (lock) {
            reportedDown = false;
        }
        safeState(ConnectionState.CONNECTED, reconnect ? "reconnected" : "connected");
        try {
            listener.onOpen(this, reconnect);
        } catch (RuntimeException e) {
            log.warn("{}: listener failed on open", name, e);
        }
    }

    private void closed(Connection c, int code, String reason, boolean remote) {
        String planned;
        boolean proved;
        synchronized (lock) {
            if (c.generation != generation || closed) {
                return;
            }
            planned = c.failure == null ? c.planned : null;
            proved = c.failure == null && (c.healthy || (c.openedAtNanos != 0
                    && System.nanoTime() - c.openedAtNanos >= options.stableAfter().toNanos()));
            if (proved) {
                failedAttempts = 0;
            }
        }
        String detail = c.failure != null ? c.failure : planned != null ? planned
                : (remote ? "closed by venue" : "closed") + " (code " + code + (reason == null || reason.isBlank() ? "" : ", " + reason) + ")";
        scheduleReconnect(c.generation, detail, planned != null && proved, c.minimumWait);
    }

    private void scheduleReconnect(long gen, String detail, boolean immediately) {
        scheduleReconnect(gen, detail, immediately, Duration.ZERO);
    }

    private void scheduleReconnect(long gen, String detail, boolean immediately, Duration atLeast) {
        Duration delay;
        int attempts;
        boolean nowDown = false;
        synchronized (lock) {
            if (gen != generation || closed) {
                return;
            }
            delay = immediately ? Duration.ZERO : options.backoff().delay(++failedAttempts, random);
            if (delay.compareTo(atLeast) < 0) delay = atLeast;
            attempts = failedAttempts;
            // down after too many failures, or at once when the venue asked for a wait beyond the backoff's cap (a ban)
            boolean longWait = delay.compareTo(options.backoff().max()) > 0;
            if ((attempts >= options.downAfterAttempts() || longWait) && !reportedDown) {
                reportedDown = true;
                nowDown = true;
            }
        }
        if (nowDown) {
            safeState(ConnectionState.DISCONNECTED, (attempts >= options.downAfterAttempts()
                    ? "down after " + attempts + " failed attempts in a row" : "down for " + delay.toMillis() + " ms as the venue asked")
                    + " (last: " + detail + "); still trying, data from this stream is stale");
        }
        safeState(ConnectionState.RECONNECTING, detail + "; reconnecting in " + delay.toMillis() + " ms");
        try {
            timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejectedAfterClose) {
            log.debug("{}: not reconnecting, timer stopped", name);
        }
    }

    private void safeState(ConnectionState state, String detail) {
        try {
            listener.onState(state, detail);
        } catch (RuntimeException e) {
            log.warn("{}: listener failed on state change", name, e);
        }
    }

    @Override
    public String toString() {
        return "ReconnectingWebSocket[" + name + "]";
    }

    /** One physical connection; its callbacks are ignored once it has been replaced. */
    private final class Connection extends WebSocketClient {
        final long generation;
        volatile String planned;
        volatile String failure;
        volatile Duration minimumWait = Duration.ZERO;
        volatile boolean healthy;
        volatile long openedAtNanos;

        Connection(URI uri, long generation) {
            super(uri, new SizeLimitedDraft(options.maxMessageBytes()), Map.of(),
                    (int) options.connectTimeout().toMillis());
            this.generation = generation;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened(this);
        }

        @Override
        public void onMessage(String message) {
            if (generation != ReconnectingWebSocket.this.generation) {
                return;
            }
            try {
                listener.onText(message);
            } catch (RuntimeException e) {
                log.warn("{}: listener failed on a message", name, e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (code == CloseFrame.TOOBIG && !remote && generation == ReconnectingWebSocket.this.generation) {
                // closed with 1009 when a frame passes the draft's limit, once the frames before it are handed on
                failure = "an inbound message was larger than " + options.maxMessageBytes() + " bytes";
                try {
                    listener.onRejected(failure);
                } catch (RuntimeException e) {
                    log.warn("{}: listener failed on a rejected message", name, e);
                }
            }
            closed(this, code, reason, remote);
        }

        @Override
        public void onError(Exception ex) {
            log.debug("{}: socket error: {}", name, ex.toString());
        }
    }
}
