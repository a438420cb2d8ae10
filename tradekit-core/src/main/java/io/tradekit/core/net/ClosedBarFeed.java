package io.tradekit.core.net;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Timeframe;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Closed bars from a venue's kline stream, posted once each and without gaps. When a stream first opens,
 * the most recent bars closed before it are read over REST and posted: that is where the stream takes over. After
 * a reconnect, the bars that closed while it was down are fetched over REST. Either way, live bars that
 * arrive meanwhile are held and posted with the fetched ones in open-time order; a bar whose open time is
 * not after the last one posted is dropped. Asked to catch up while it is already doing so (a second
 * drop), it runs once more when done, so that no gap is left behind.
 * <p>A catch-up must not read REST before the venue follows the stream: a bar that closes between the read and the
 * subscription taking effect would be in neither. A stream that subscribes by request therefore asks for its catch-up
 * with {@link #catchUpWhenAnswered} before it sends the request, and calls {@link #answered} when the venue answers it.
 * However a catch-up is asked for, live bars of its series are held from that moment until it has run: a bar posted
 * before the catch-up starts would move the point it reads from past the bars it is there to fetch.
 * <p>Thread-safe: the stream's thread calls {@link #closed}, catch-ups run on the executor.
 */
public final class ClosedBarFeed {

    /** The venue's closed bars over REST. */
    public interface Backfill {
        /**
         * Closed bars of a symbol and timeframe from {@code from} on, oldest first.
         *
         * @param symbol the symbol
         * @param timeframe the timeframe
         * @param from the open time of the first bar wanted
         * @return the closed bars, oldest first; an empty list when there are none
         */
        List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from);

        /**
         * The most recent closed bars, where a stream takes over when it first opens: at least the newest, and as many
         * before it as the venue gives in one call (bars the bot already has are dropped by the engine).
         *
         * @param symbol the symbol
         * @param timeframe the timeframe
         * @return the closed bars, oldest first; an empty list when the venue has none
         */
        List<Bar> recentClosed(String symbol, Timeframe timeframe);
    }

    private record Key(String symbol, Timeframe timeframe) {
    }

    private static final class State {
        long lastOpenMillis = Long.MIN_VALUE;
        /** Catch-ups asked for that have not started: waiting for the venue's answer, or queued on the executor. */
        int requested;
        boolean backfilling;
        boolean again;
        final List<Bar> held = new ArrayList<>();

        /** Live bars are held from the moment a catch-up is asked for until it has posted what it fetched. */
        boolean holding() {
            return requested > 0 || backfilling;
        }
    }

    private final String source;
    private final StreamEvents events;
    private final Backfill backfill;
    private final Executor executor;
    private final Map<Key, State> states = new ConcurrentHashMap<>();
    /** Catch-ups waiting for the answer to a subscription request, by request id. */
    private final Map<Long, List<Key>> unanswered = new ConcurrentHashMap<>();

    /**
     * A feed following nothing yet.
     *
     * @param source the source named in error events (e.g. the venue and stream)
     * @param events where closed bars and errors are posted
     * @param backfill the venue's REST bars
     * @param executor where catch-ups run (they make blocking REST calls)
     */
    public ClosedBarFeed(String source, StreamEvents events, Backfill backfill, Executor executor) {
        this.source = source;
        this.events = events;
        this.backfill = backfill;
        this.executor = executor;
    }

    /**
     * Starts following a symbol and timeframe; false when it was followed already.
     *
     * @param symbol the symbol
     * @param timeframe the timeframe
     * @return true if it was not followed before
     */
    public boolean follow(String symbol, Timeframe timeframe) {
        return states.putIfAbsent(new Key(symbol, timeframe), new State()) == null;
    }

    /**
     * A bar the stream says has closed. Bars of a symbol and timeframe not followed are ignored.
     *
     * @param bar the closed bar; posted at once, or held while a catch-up of its series runs
     */
    public void closed(Bar bar) {
        State state = states.get(new Key(bar.symbol(), bar.timeframe()));
        if (state == null) return;
        synchronized (state) {
            if (state.holding()) {
                state.held.add(bar);
            } else {
                postIfNew(state, bar);
            }
        }
    }

    /**
     * Catches every followed symbol and timeframe up, on the executor: call it once the venue follows the (re)opened
     * stream, e.g. when it has answered the subscription. A stream that learns that from one request's answer uses
     * {@link #catchUpWhenAnswered} instead.
     */
    public void catchUpAll() {
        states.keySet().forEach(this::startCatchUp);
    }

    /**
     * A connection (re)opened: requests of an earlier connection will never be answered, so their catch-ups are
     * forgotten (the new connection's subscriptions ask again). Call it before the new connection's first request.
     */
    public void opened() {
        for (Long id : List.copyOf(unanswered.keySet())) {
            List<Key> forgotten = unanswered.remove(id);
            if (forgotten != null) forgotten.forEach(key -> request(key, -1));
        }
    }

    /**
     * Catches one symbol and timeframe up once the venue answers subscription request {@code requestId}; live bars of
     * it are held until then. Call it before sending the request. Does nothing for a series not followed.
     *
     * @param requestId the id of the subscription request
     * @param symbol the symbol
     * @param timeframe the timeframe
     */
    public void catchUpWhenAnswered(long requestId, String symbol, Timeframe timeframe) {
        Key key = new Key(symbol, timeframe);
        if (!states.containsKey(key)) return;
        request(key, +1);
        unanswered.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>()).add(key);
    }

    /**
     * Catches every followed symbol and timeframe up once the venue answers subscription request {@code requestId}
     * (one request that subscribes them all).
     *
     * @param requestId the id of the subscription request
     */
    public void catchUpAllWhenAnswered(long requestId) {
        states.keySet().forEach(key -> catchUpWhenAnswered(requestId, key.symbol(), key.timeframe()));
    }

    /**
     * The venue answered request {@code requestId} (accepted or refused: either way it has read it): the catch-ups
     * waiting for it start. An id nothing waits for is ignored.
     *
     * @param requestId the id the answer carries
     */
    public void answered(long requestId) {
        List<Key> keys = unanswered.remove(requestId);
        if (keys == null) return;
        for (Key key : keys) executor.execute(() -> catchUp(key));
    }

    /**
     * The symbols followed, in any timeframe.
     *
     * @return a new set
     */
    public Set<String> symbols() {
        Set<String> out = new java.util.HashSet<>();
        states.keySet().forEach(k -> out.add(k.symbol()));
        return out;
    }

    private void postIfNew(State state, Bar bar) {
        long open = bar.openTime().toEpochMilli();
        if (open > state.lastOpenMillis) {
            state.lastOpenMillis = open;
            events.post(new Event.BarClosed(bar));
        }
    }

    /** Holds the series' live bars from now, and queues its catch-up. */
    private void startCatchUp(Key key) {
        request(key, +1);
        executor.execute(() -> catchUp(key));
    }

    private void request(Key key, int change) {
        State state = states.get(key);
        synchronized (state) {
            state.requested += change;
        }
    }

    /** Runs a catch-up asked for with {@link #request}: every call is preceded by one. */
    private void catchUp(Key key) {
        State state = states.get(key);
        Instant from;
        synchronized (state) {
            state.requested--;
            if (state.backfilling) {
                state.again = true;
                return;
            }
            state.backfilling = true;
            from = state.lastOpenMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(state.lastOpenMillis).plus(key.timeframe().duration());
        }
        List<Bar> fetched = List.of();
        boolean rerun;
        try {
            fetched = from != null ? backfill.closedBarsSince(key.symbol(), key.timeframe(), from)
                    : backfill.recentClosed(key.symbol(), key.timeframe());
        } catch (RuntimeException e) {
            events.error(source, e instanceof TradeKitException t ? t.category() : ErrorCategory.NETWORK,
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
                if (rerun) state.requested++; // held on until the rerun has run
            }
        }
        if (rerun) executor.execute(() -> catchUp(key));
    }
}
