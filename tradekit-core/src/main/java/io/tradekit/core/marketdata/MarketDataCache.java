package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import org.ta4j.core.BarSeries;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bars and prices a bot has seen: a bounded series per symbol and timeframe, the last price and
 * when data last arrived. A ticker moves the last price but never fabricates a bar. Owned by the
 * bot's loop thread.
 */
public final class MarketDataCache {

    private final int capacity;
    private final Map<SeriesKey, BarRing> series = new HashMap<>();
    private final Map<SeriesKey, BarSeriesBridge> bridges = new HashMap<>();
    private final Map<String, Latest> latest = new HashMap<>();
    /** The series the last bar went to: bars of one series arrive in a row, so most bars skip the map. */
    private String lastSymbol;
    private io.tradekit.api.Timeframe lastTimeframe;
    private BarRing lastRing;
    private SeriesKey lastKey;
    private Latest lastLatest;
    private BarSeriesBridge lastBridge;

    /** The newest price of a symbol and when data for it last arrived. */
    private static final class Latest {
        BigDecimal price = BigDecimal.ZERO;
        Instant time;
    }

    /**
     * A cache keeping up to {@code capacity} bars per symbol and timeframe (oldest dropped first).
     *
     * @param capacity how many bars each series keeps; at least 2
     * @throws IllegalArgumentException if {@code capacity} is below 2
     */
    public MarketDataCache(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.capacity = capacity;
    }

    /**
     * Adds a closed bar; returns false (and keeps nothing) for a bar that is not newer than the last one
     * of its series: a replayed or duplicated bar must not be counted twice.
     * The bar's close becomes the symbol's last price, and its close time the time data last arrived.
     *
     * @param bar the closed bar
     * @return true if the bar was kept, false if it was not newer (by open time) than the last of its series
     */
    public boolean add(Bar bar) {
        return add(bar, bar.closeTime());
    }

    /**
     * {@link #add(Bar)} for a caller that has the bar's {@link Bar#closeTime() close time} already: one instant per bar.
     *
     * @param bar the closed bar
     * @param closeTime {@code bar.closeTime()}, made once by the caller
     * @return as {@link #add(Bar)}
     */
    public boolean add(Bar bar, Instant closeTime) {
        BarRing ring;
        SeriesKey key;
        Latest symbolLatest;
        if (bar.symbol() == lastSymbol && bar.timeframe() == lastTimeframe) {
            ring = lastRing;
            key = lastKey;
            symbolLatest = lastLatest;
        } else {
            key = new SeriesKey(bar.symbol(), bar.timeframe());
            ring = series.computeIfAbsent(key, k -> new BarRing(capacity));
            symbolLatest = latest.computeIfAbsent(bar.symbol(), s -> new Latest());
            lastSymbol = bar.symbol();
            lastTimeframe = bar.timeframe();
            lastRing = ring;
            lastKey = key;
            lastLatest = symbolLatest;
            lastBridge = null;
        }
        Bar last = ring.last();
        if (last != null && !bar.openTime().isAfter(last.openTime())) return false;
        ring.add(bar);
        symbolLatest.price = bar.close();
        symbolLatest.time = closeTime;
        if (!bridges.isEmpty()) {
            BarSeriesBridge bridge = key == lastKey && lastBridge != null ? lastBridge : bridges.get(key);
            if (key == lastKey) lastBridge = bridge;
            if (bridge != null) bridge.append(bar);
        }
        return true;
    }

    /**
     * Moves the symbol's last price to the ticker's last trade price; never adds a bar. The time data last arrived moves
     * only forward.
     *
     * @param ticker the ticker
     */
    public void update(Ticker ticker) {
        Latest l = latest.computeIfAbsent(ticker.symbol(), s -> new Latest());
        l.price = ticker.last();
        if (l.time == null || ticker.time().isAfter(l.time)) l.time = ticker.time();
    }

    /**
     * How many bars the cache holds for one series.
     *
     * @param symbol the symbol
     * @param timeframe the timeframe
     * @return the count, at most the capacity; 0 for a series never seen
     */
    public int size(String symbol, Timeframe timeframe) {
        BarRing ring = series.get(new SeriesKey(symbol, timeframe));
        return ring == null ? 0 : ring.size();
    }

    /**
     * Up to {@code count} most recent bars, oldest first.
     *
     * @param symbol the symbol
     * @param timeframe the timeframe
     * @param count how many bars at most
     * @return the bars, oldest first; empty for a series never seen
     */
    public List<Bar> recent(String symbol, Timeframe timeframe, int count) {
        BarRing ring = series.get(new SeriesKey(symbol, timeframe));
        return ring == null ? List.of() : ring.lastN(count);
    }

    /**
     * The newest bar of one series.
     *
     * @param symbol the symbol
     * @param timeframe the timeframe
     * @return the bar, or empty for a series never seen
     */
    public Optional<Bar> last(String symbol, Timeframe timeframe) {
        BarRing ring = series.get(new SeriesKey(symbol, timeframe));
        return Optional.ofNullable(ring == null ? null : ring.last());
    }

    /**
     * The newest price of a symbol: the close of the last bar or the last price of the last ticker, whichever was given last.
     *
     * @param symbol the symbol
     * @return the price, or zero when nothing arrived for the symbol yet
     */
    public BigDecimal lastPrice(String symbol) {
        Latest l = symbol == lastSymbol ? lastLatest : latest.get(symbol);
        return l == null ? BigDecimal.ZERO : l.price;
    }

    /**
     * When data for a symbol last arrived: the close time of its newest bar or the time of its newest ticker.
     *
     * @param symbol the symbol
     * @return the time, or empty when nothing arrived yet
     */
    public Optional<Instant> lastDataTime(String symbol) {
        Latest l = latest.get(symbol);
        return Optional.ofNullable(l == null ? null : l.time);
    }

    /**
     * True when no data arrived for the symbol within {@code maxAge} of {@code now}, or none ever did.
     *
     * @param symbol the symbol
     * @param now the time to measure against (market time)
     * @param maxAge the oldest data still fresh
     * @return true if the data is stale or missing
     */
    public boolean isStale(String symbol, Instant now, Duration maxAge) {
        Latest l = latest.get(symbol);
        Instant last = l == null ? null : l.time;
        return last == null || Duration.between(last, now).compareTo(maxAge) > 0;
    }

    /**
     * The ta4j series kept in step with this cache for one symbol and timeframe; made on first use from
     * the bars already held, then appended to as bars arrive.
     *
     * @param symbol the symbol
     * @param timeframe the timeframe
     * @return the same ta4j series on every call; it holds at most the cache's capacity of bars
     */
    public BarSeries ta4jSeries(String symbol, Timeframe timeframe) {
        SeriesKey key = new SeriesKey(symbol, timeframe);
        return bridges.computeIfAbsent(key, k -> {
            BarSeriesBridge bridge = new BarSeriesBridge(symbol + "@" + timeframe, capacity);
            BarRing ring = series.get(k);
            if (ring != null) ring.lastN(ring.size()).forEach(bridge::append);
            return bridge;
        }).series();
    }

    private record SeriesKey(String symbol, Timeframe timeframe) {
    }

    /** A fixed-capacity ring of bars, oldest overwritten first. */
    private static final class BarRing {
        private final Bar[] bars;
        private int start;
        private int size;

        BarRing(int capacity) {
            bars = new Bar[capacity];
        }

        void add(Bar bar) {
            if (size < bars.length) {
                bars[(start + size++) % bars.length] = bar;
            } else {
                bars[start] = bar;
                start = (start + 1) % bars.length;
            }
        }

        Bar last() {
            return size == 0 ? null : bars[(start + size - 1) % bars.length];
        }

        int size() {
            return size;
        }

        List<Bar> lastN(int n) {
            int k = Math.min(n, size);
            List<Bar> out = new ArrayList<>(k);
            for (int i = size - k; i < size; i++) out.add(bars[(start + i) % bars.length]);
            return out;
        }
    }
}
