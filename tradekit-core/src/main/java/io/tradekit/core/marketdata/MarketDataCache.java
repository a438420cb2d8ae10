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

    public MarketDataCache(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.capacity = capacity;
    }

    /**
     * Adds a closed bar; returns false (and keeps nothing) for a bar that is not newer than the last one
     * of its series: a replayed or duplicated bar must not be counted twice.
     */
    public boolean add(Bar bar) {
        return add(bar, bar.closeTime());
    }

    /** {@link #add(Bar)} for a caller that has the bar's {@link Bar#closeTime() close time} already: one instant per bar. */
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

    public void update(Ticker ticker) {
        Latest l = latest.computeIfAbsent(ticker.symbol(), s -> new Latest());
        l.price = ticker.last();
        if (l.time == null || ticker.time().isAfter(l.time)) l.time = ticker.time();
    }

    public int size(String symbol, Timeframe timeframe) {
        BarRing ring = series.get(new SeriesKey(symbol, timeframe));
        return ring == null ? 0 : ring.size();
    }

    /** Up to {@code count} most recent bars, oldest first. */
    public List<Bar> recent(String symbol, Timeframe timeframe, int count) {
        BarRing ring = series.get(new SeriesKey(symbol, timeframe));
        return ring == null ? List.of() : ring.lastN(count);
    }

    public Optional<Bar> last(String symbol, Timeframe timeframe) {
        BarRing ring = series.get(new SeriesKey(symbol, timeframe));
        return Optional.ofNullable(ring == null ? null : ring.last());
    }

    public BigDecimal lastPrice(String symbol) {
        Latest l = symbol == lastSymbol ? lastLatest : latest.get(symbol);
        return l == null ? BigDecimal.ZERO : l.price;
    }

    public Optional<Instant> lastDataTime(String symbol) {
        Latest l = latest.get(symbol);
        return Optional.ofNullable(l == null ? null : l.time);
    }

    /** True when no data arrived for the symbol within {@code maxAge} of {@code now}, or none ever did. */
    public boolean isStale(String symbol, Instant now, Duration maxAge) {
        Latest l = latest.get(symbol);
        Instant last = l == null ? null : l.time;
        return last == null || Duration.between(last, now).compareTo(maxAge) > 0;
    }

    /**
     * The ta4j series kept in step with this cache for one symbol and timeframe; made on first use from
     * the bars already held, then appended to as bars arrive.
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
