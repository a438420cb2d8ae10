package io.tradekit.core.paper;

import io.tradekit.api.Order;
import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The resting limit orders of a venue, by symbol, side and price: a bar or quote touches only the price
 * levels it crosses instead of every order. Orders that cross together come out in the order they
 * arrived, so fills keep time priority.
 */
final class RestingOrders {

    private static final Comparator<Order> ARRIVAL = Comparator.comparingLong(RestingOrders::arrival);

    private final Map<String, NavigableMap<BigDecimal, ArrayDeque<Order>>> bids = new HashMap<>();
    private final Map<String, NavigableMap<BigDecimal, ArrayDeque<Order>>> asks = new HashMap<>();
    /** The sides of the symbol asked for last (null when it has none yet): every point of a bar asks for the same one. */
    private String cachedSymbol;
    private NavigableMap<BigDecimal, ArrayDeque<Order>> cachedBids;
    private NavigableMap<BigDecimal, ArrayDeque<Order>> cachedAsks;

    void add(Order order) {
        BigDecimal price = order.limitPrice().orElseThrow();
        // Room for two: most price levels hold one order (a grid's level), and the default room is for sixteen.
        book(order.symbol(), order.side()).computeIfAbsent(price, p -> new ArrayDeque<>(2)).addLast(order);
    }

    boolean isEmpty(String symbol) {
        NavigableMap<BigDecimal, ArrayDeque<Order>> buys = side(symbol, true);
        NavigableMap<BigDecimal, ArrayDeque<Order>> sells = side(symbol, false);
        return (buys == null || buys.isEmpty()) && (sells == null || sells.isEmpty());
    }

    boolean remove(Order order) {
        if (order.limitPrice().isEmpty()) return false;
        NavigableMap<BigDecimal, ArrayDeque<Order>> side = book(order.symbol(), order.side());
        ArrayDeque<Order> level = side.get(order.limitPrice().get());
        if (level == null) return false;
        boolean removed = level.removeIf(o -> o.clientOrderId().equals(order.clientOrderId()));
        if (level.isEmpty()) side.remove(order.limitPrice().get());
        return removed;
    }

    /**
     * Puts {@code amended} where the resting order with its client order id stands, keeping its place in the
     * queue at its price; false when no such order rests.
     */
    boolean replaceInPlace(Order amended) {
        ArrayDeque<Order> level = book(amended.symbol(), amended.side()).get(amended.limitPrice().orElseThrow());
        if (level == null) return false;
        boolean found = false;
        for (int i = level.size(); i > 0; i--) {
            Order o = level.pollFirst();
            if (o.clientOrderId().equals(amended.clientOrderId())) {
                o = amended;
                found = true;
            }
            level.addLast(o);
        }
        return found;
    }

    /**
     * Whether a market trading anywhere between {@code low} and {@code high} (both included) meets a resting order of
     * {@code symbol}: a bid at or above the low or an ask at or below the high.
     */
    boolean reachedWithin(String symbol, BigDecimal low, BigDecimal high) {
        return bidAtOrAbove(side(symbol, true), low) || askAtOrBelow(side(symbol, false), high);
    }

    /** Whether {@code bids} (null when none yet) hold one priced at or above {@code price}. */
    private static boolean bidAtOrAbove(NavigableMap<BigDecimal, ArrayDeque<Order>> bids, BigDecimal price) {
        return bids != null && !bids.isEmpty() && bids.lastKey().compareTo(price) >= 0;
    }

    /** Whether {@code asks} (null when none yet) hold one priced at or below {@code price}. */
    private static boolean askAtOrBelow(NavigableMap<BigDecimal, ArrayDeque<Order>> asks, BigDecimal price) {
        return asks != null && !asks.isEmpty() && asks.firstKey().compareTo(price) <= 0;
    }

    /**
     * Removes and returns, in arrival order, the bids priced at or above {@code buyFloor} and the asks
     * priced at or below {@code sellCeiling}: the orders a market that traded down to one and up to the
     * other has crossed. A null bound takes nothing from that side.
     */
    List<Order> takeCrossed(String symbol, BigDecimal buyFloor, BigDecimal sellCeiling) {
        NavigableMap<BigDecimal, ArrayDeque<Order>> buys = buyFloor == null ? null : side(symbol, true);
        NavigableMap<BigDecimal, ArrayDeque<Order>> sells = sellCeiling == null ? null : side(symbol, false);
        boolean buyCrossed = bidAtOrAbove(buys, buyFloor);
        boolean sellCrossed = askAtOrBelow(sells, sellCeiling);
        if (!buyCrossed && !sellCrossed) return List.of(); // the common case: nothing crossed, nothing allocated
        List<Order> crossed = new ArrayList<>(4);
        // Polled level by level from the crossed end: no range view or iterator for every fill.
        if (buyCrossed) {
            while (bidAtOrAbove(buys, buyFloor)) crossed.addAll(buys.pollLastEntry().getValue());
        }
        if (sellCrossed) {
            while (askAtOrBelow(sells, sellCeiling)) crossed.addAll(sells.pollFirstEntry().getValue());
        }
        if (crossed.size() > 1) crossed.sort(ARRIVAL);
        return crossed;
    }

    /**
     * The resting price nearest {@code from} that a market moving to {@code target} meets first (bids when
     * it falls, asks when it rises), not counting {@code from} itself; null when it meets none.
     */
    BigDecimal nearestCrossing(String symbol, boolean down, BigDecimal from, BigDecimal target) {
        NavigableMap<BigDecimal, ArrayDeque<Order>> side = side(symbol, down);
        if (side == null || side.isEmpty()) return null;
        // One search for the next level past from, no view over the range: this runs at every point of every bar.
        BigDecimal next = down ? side.lowerKey(from) : side.higherKey(from);
        if (next == null) return null;
        int beyond = next.compareTo(target);
        return (down ? beyond >= 0 : beyond <= 0) ? next : null;
    }

    /** The bids or asks of {@code symbol}, null when it has none yet. */
    private NavigableMap<BigDecimal, ArrayDeque<Order>> side(String symbol, boolean buy) {
        if (symbol != cachedSymbol) {
            cachedSymbol = symbol;
            cachedBids = bids.get(symbol);
            cachedAsks = asks.get(symbol);
        }
        return buy ? cachedBids : cachedAsks;
    }

    private NavigableMap<BigDecimal, ArrayDeque<Order>> book(String symbol, Side side) {
        NavigableMap<BigDecimal, ArrayDeque<Order>> levels = side(symbol, side == Side.BUY);
        if (levels != null) return levels;
        levels = new TreeMap<>();
        (side == Side.BUY ? bids : asks).put(symbol, levels);
        cachedSymbol = null; // a side was added: look both up again
        return levels;
    }

    /** The venue numbers orders as they arrive; that number is their time priority. */
    private static long arrival(Order order) {
        try {
            return Long.parseLong(order.venueOrderId().orElse("0"));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
