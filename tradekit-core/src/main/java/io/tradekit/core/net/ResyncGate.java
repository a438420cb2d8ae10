package io.tradekit.core.net;

import io.tradekit.api.event.Event;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Whether a venue's private stream (orders, fills) can be believed, across reconnects. While a connection is new its
 * messages are held. When the venue confirms the subscription, the first connection is trusted at once; after a drop,
 * the account is first read over REST from {@link #RESYNC_MARGIN} before the drop (the adapter's resync: fills, open
 * orders, orders that were open), the resync's events are posted, then the held messages are handled in the order they
 * came, and from then on messages pass straight through. A connection that drops during the resync leaves the trust to
 * the next one, which resyncs again, so no fill is missed and none overtakes the order update before it.
 *
 * <pre>{@code
 * gate.opened();                              // onOpen: hold messages
 * gate.offer(message, raw);                   // every message of the stream
 * gate.subscribed(executor, adapter::resync, resynced -> post CONNECTED);
 * gate.down();                                // onState DISCONNECTED / RECONNECTING
 * }</pre>
 *
 * <p>Thread-safe: messages are handled under the gate's lock, so a held message and a live one never interleave.
 *
 * @param <T> the stream's message type
 */
public final class ResyncGate<T> {

    /** How far before a drop fills are read again: a fill stamped just before the drop may have been lost with it. */
    public static final Duration RESYNC_MARGIN = Duration.ofMinutes(1);

    /**
     * Handles one message of the stream.
     *
     * @param <T> the stream's message type
     */
    @FunctionalInterface
    public interface Handler<T> {
        /**
         * Handles a message.
         *
         * @param message the message
         * @param raw its text as it arrived, or null for one that was held (the handler may show the message itself)
         */
        void handle(T message, String raw);
    }

    private final StreamEvents events;
    private final Handler<T> handler;
    private final InstantSource clock;
    private final Deque<T> held = new ArrayDeque<>();
    private boolean trusted;
    private boolean everTrusted;
    private Instant downSince;
    private long connection;

    /**
     * A gate for a stream that has not connected yet.
     *
     * @param events where the resync's events are posted
     * @param handler what handles each message once the stream is trusted
     * @param clock the time a drop is stamped with
     */
    public ResyncGate(StreamEvents events, Handler<T> handler, InstantSource clock) {
        this.events = events;
        this.handler = handler;
        this.clock = clock;
    }

    /**
     * A connection opened: its messages are held until its subscription is confirmed and the account resynced.
     *
     * @return the connection's number
     */
    public synchronized long opened() {
        trusted = false;
        return ++connection;
    }

    /**
     * The number of the newest connection.
     *
     * @return 0 before the first one opened
     */
    public synchronized long connection() {
        return connection;
    }

    /** The connection is down: nothing is trusted, and fills are resynced from {@link #RESYNC_MARGIN} before now. */
    public synchronized void down() {
        trusted = false;
        if (downSince == null) downSince = clock.instant();
    }

    /**
     * A message from the stream: handled now when the stream is trusted, held otherwise.
     *
     * @param message the message
     * @param raw its text as it arrived
     */
    public synchronized void offer(T message, String raw) {
        if (trusted) {
            handler.handle(message, raw);
        } else {
            held.addLast(message);
        }
    }

    /**
     * Whether messages pass straight through.
     *
     * @return true once the newest connection's subscription is confirmed and the account resynced
     */
    public synchronized boolean isTrusted() {
        return trusted;
    }

    /**
     * The venue confirmed the newest connection's subscription. The first time, the stream is trusted at once, on this
     * thread; after a drop, {@code resync} runs on {@code executor} (it makes blocking REST calls) and the stream is
     * trusted after its events.
     *
     * @param executor where a resync runs
     * @param resync reads the account over REST from the given time and returns its events in the order to post them
     * @param onTrusted called with the number of events resynced once the stream is trusted; not called when a newer
     *                  connection opened meanwhile
     */
    public void subscribed(Executor executor, Function<Instant, List<Event>> resync, IntConsumer onTrusted) {
        long current;
        boolean first;
        Instant since;
        synchronized (this) {
            current = connection;
            first = !everTrusted;
            since = (downSince == null ? clock.instant() : downSince).minus(RESYNC_MARGIN);
        }
        if (first) {
            trust(current, List.of(), onTrusted);
        } else {
            executor.execute(() -> trust(current, resync.apply(since), onTrusted));
        }
    }

    private void trust(long forConnection, List<Event> resynced, IntConsumer onTrusted) {
        synchronized (this) {
            resynced.forEach(events::post);
            if (forConnection != connection) return; // dropped again meanwhile: the next subscription resyncs and trusts
            while (!held.isEmpty()) handler.handle(held.removeFirst(), null);
            trusted = true;
            everTrusted = true;
            downSince = null;
        }
        onTrusted.accept(resynced.size());
    }
}
