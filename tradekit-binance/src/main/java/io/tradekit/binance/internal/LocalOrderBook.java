package io.tradekit.binance.internal;

import io.tradekit.api.BookLevel;
import io.tradekit.api.OrderBook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The levels of one symbol's book as a depth stream builds them: each side a price-ordered map, best first,
 * a quantity of zero removing its level. At most {@code maxLevels} a side are kept, the farthest from the
 * touch dropped first, so that a book followed for days cannot grow without bound (Binance's own snapshots
 * stop at 5000 a side, and levels beyond a snapshot are unknown until they change anyway).
 */
final class LocalOrderBook {

    private final String symbol;
    private final int maxLevels;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    LocalOrderBook(String symbol, int maxLevels) {
        this.symbol = symbol;
        this.maxLevels = maxLevels;
    }

    void clear() {
        bids.clear();
        asks.clear();
    }

    /** Sets each level's quantity; zero removes it. */
    void apply(List<DepthMapping.LevelChange> bidChanges, List<DepthMapping.LevelChange> askChanges) {
        set(bids, bidChanges);
        set(asks, askChanges);
    }

    private void set(NavigableMap<BigDecimal, BigDecimal> side, List<DepthMapping.LevelChange> changes) {
        for (DepthMapping.LevelChange change : changes) {
            // BigDecimal keys compare by value in a TreeMap: "100.10" and "100.1000" are one level
            if (change.quantity().signum() == 0) {
                side.remove(change.price());
            } else {
                side.put(change.price(), change.quantity());
            }
        }
        while (side.size() > maxLevels) {
            side.pollLastEntry();
        }
    }

    /**
     * The book as an {@link OrderBook} at update {@code updateId}.
     *
     * @throws io.tradekit.api.InvalidInputException when the levels cross (best bid at or above best ask)
     */
    OrderBook toOrderBook(long updateId, Instant time) {
        return new OrderBook(symbol, updateId, time, levels(bids), levels(asks));
    }

    private static List<BookLevel> levels(NavigableMap<BigDecimal, BigDecimal> side) {
        List<BookLevel> out = new ArrayList<>(side.size());
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            out.add(new BookLevel(e.getKey(), e.getValue()));
        }
        return out;
    }
}
