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
import java.util.concurrent.Executor;

/**
 * Closed bars from a venue's kline stream, posted once each and without gaps. When a stream first opens,
 * the most recent bars closed before it are read over REST and posted: that is where the stream takes over. After
 * a reconnect, the bars that closed while it was down are fetched over REST. Either way, live bars that
 * arrive meanwhile are held and posted with the fetched ones in open-time order; a bar whose open time is
 * not after the last one posted is dropped. Asked to catch up while it is already doing so (a second
 * drop), it runs once more when done, so that no gap is left behind.
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
        boolean backfilling;
        boolean again;
        final List<Bar> held = new ArrayList<>();
    }

    private final String source;
    private final StreamEvents events;
    private final Backfill backfill;
    private final Executor executor;
    private final Map<Key, State> states = new ConcurrentHashMap<>();

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
            if (state.backfilling) {
                state.held.add(bar);
            } else {
                postIfNew(state, bar);
            }
        }
    }

    /** Catches every followed symbol and timeframe up, on the executor: call it when the stream (re)opens. */
    public void catchUpAll() {
        states.keySet().forEach(key -> executor.execute(() -> catchUp(key)));
    }

    /**
     * Catches one symbol and timeframe up, on the executor: call it when it is followed on an open stream.
     * Does nothing for a series not followed.
     *
     * @param symbol the symbol
     * @param timeframe the timeframe
     */
    public void catchUp(String symbol, Timeframe timeframe) {
        Key key = new Key(symbol, timeframe);
        if (states.containsKey(key)) executor.execute(() -> catchUp(key));
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

    private void catchUp(Key key) {
        State state = states.get(key);
        Instant from;
        synchronized (state) {
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
            }
        }
        if (rerun) executor.execute(() -> catchUp(key));
    }
}
