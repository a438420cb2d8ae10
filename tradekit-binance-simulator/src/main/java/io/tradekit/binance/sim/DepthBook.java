package io.tradekit.binance.sim;

import io.tradekit.api.BookLevel;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderBook;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The simulator's L2 books and their diff depth streams. Each symbol's book is the venue's resting limit
 * orders plus synthetic liquidity around the touch (bid at the last close, ask one tick above, then
 * {@code levels} a side one tick apart, {@code quantity × n} at the n-th level from the touch), so that a
 * book exists before anyone trades. A synthetic level that a resting order crosses is left out.
 *
 * <p>{@link #refresh()} compares each book with the one last published and sends the changed levels as one
 * {@code depthUpdate} to {@code <symbol>@depth} and {@code <symbol>@depth@100ms}: each changed level takes one
 * update id, so an event covers {@code U..u} and the next starts at {@code u + 1}; a removed level has
 * quantity 0. {@code GET /api/v3/depth} answers the published book with its {@code lastUpdateId}. Both run
 * under the venue's lock, so a snapshot and the stream agree on every id. A timer refreshes every 100 ms, so
 * that orders placed or cancelled show in the stream without a bar closing.
 */
final class DepthBook implements AutoCloseable {

    /** A level as the wire shows it: a price and its quantity, zero for a level removed. */
    private record Row(BigDecimal price, BigDecimal quantity) {
    }

    /** One symbol's book as last published, best levels first. */
    private static final class Published {
        final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long lastUpdateId = 1_000;
        Instant time = Instant.EPOCH;
    }

    private final SimulatedVenue venue;
    private final InstantSource clock;
    private final DepthFaults faults;
    private final BiConsumer<String, String> streams;
    private final Map<String, Published> books = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "binance-sim-depth");
        t.setDaemon(true);
        return t;
    });
    private int levels = 10;
    private BigDecimal quantity = BigDecimal.ONE;
    /** A diff held back by the reorder fault, sent after the next one. */
    private Runnable heldBack;

    /** {@code streams} sends a payload to every connection following a stream. */
    DepthBook(SimulatedVenue venue, InstantSource clock, DepthFaults faults, BiConsumer<String, String> streams) {
        this.venue = venue;
        this.clock = clock;
        this.faults = faults;
        this.streams = streams;
        venue.instruments().forEach(i -> books.put(i.symbol(), new Published()));
    }

    void start() {
        refresh();
        timer.scheduleAtFixedRate(this::refresh, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Synthetic liquidity from now on: {@code levels} a side (0 for none), {@code quantity × n} at the n-th. */
    void liquidity(int levelsPerSide, BigDecimal baseQuantity) {
        if (levelsPerSide < 0 || baseQuantity.signum() <= 0) {
            throw new InvalidInputException("binance simulator: synthetic depth needs 0 or more levels and a positive quantity, got "
                    + levelsPerSide + " x " + baseQuantity);
        }
        synchronized (venue.lock()) {
            levels = levelsPerSide;
            quantity = baseQuantity;
        }
        refresh();
    }

    /** Publishes what changed in every book since the last time. */
    void refresh() {
        synchronized (venue.lock()) {
            books.forEach(this::refresh);
        }
    }

    private void refresh(String symbol, Published published) {
        NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        build(symbol, bids, asks);
        List<Row> bidChanges = changes(published.bids, bids);
        List<Row> askChanges = changes(published.asks, asks);
        int count = bidChanges.size() + askChanges.size();
        if (count == 0) return;
        long first = published.lastUpdateId + 1;
        long last = published.lastUpdateId + count;
        published.lastUpdateId = last;
        published.bids.clear();
        published.bids.putAll(bids);
        published.asks.clear();
        published.asks.putAll(asks);
        published.time = Instant.ofEpochMilli(clock.millis());
        send(symbol, diffEvent(symbol, published.time.toEpochMilli(), first, last, bidChanges, askChanges));
    }

    /** The venue's book now: synthetic levels around the touch, the resting orders added, crossed synthetic levels left out. */
    private void build(String symbol, NavigableMap<BigDecimal, BigDecimal> bids, NavigableMap<BigDecimal, BigDecimal> asks) {
        Instrument instrument = venue.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst().orElseThrow();
        Ticker touch = venue.touch(symbol);
        BigDecimal tick = instrument.tickSize();
        List<Order> resting = venue.restingOrders(symbol);
        BigDecimal highestBuy = resting.stream().filter(o -> o.side() == Side.BUY).map(o -> o.limitPrice().orElseThrow())
                .max(Comparator.naturalOrder()).orElse(null);
        BigDecimal lowestSell = resting.stream().filter(o -> o.side() == Side.SELL).map(o -> o.limitPrice().orElseThrow())
                .min(Comparator.naturalOrder()).orElse(null);
        for (int n = 1; n <= levels; n++) {
            BigDecimal size = quantity.multiply(BigDecimal.valueOf(n));
            BigDecimal bid = touch.bid().subtract(tick.multiply(BigDecimal.valueOf(n - 1)));
            BigDecimal ask = touch.ask().add(tick.multiply(BigDecimal.valueOf(n - 1)));
            if (bid.signum() > 0 && (lowestSell == null || bid.compareTo(lowestSell) < 0)) bids.merge(bid, size, BigDecimal::add);
            if (highestBuy == null || ask.compareTo(highestBuy) > 0) asks.merge(ask, size, BigDecimal::add);
        }
        for (Order o : resting) {
            (o.side() == Side.BUY ? bids : asks).merge(o.limitPrice().orElseThrow(), o.remainingQuantity(), BigDecimal::add);
        }
    }

    /** The levels whose quantity differs from what was published, a removed level at quantity 0. */
    private static List<Row> changes(NavigableMap<BigDecimal, BigDecimal> before, NavigableMap<BigDecimal, BigDecimal> after) {
        List<Row> changed = new ArrayList<>();
        after.forEach((price, qty) -> {
            BigDecimal was = before.get(price);
            if (was == null || was.compareTo(qty) != 0) changed.add(new Row(price, qty));
        });
        before.keySet().stream().filter(price -> !after.containsKey(price)).forEach(price -> changed.add(new Row(price, BigDecimal.ZERO)));
        return changed;
    }

    private static String diffEvent(String symbol, long eventTime, long first, long last, List<Row> bids, List<Row> asks) {
        return "{\"e\":\"depthUpdate\",\"E\":" + eventTime + ",\"s\":" + Payloads.quote(symbol) + ",\"U\":" + first + ",\"u\":" + last
                + ",\"b\":" + levelRows(bids) + ",\"a\":" + levelRows(asks) + "}";
    }

    private static String levelRows(List<Row> levels) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < levels.size(); i++) {
            if (i > 0) out.append(',');
            Row level = levels.get(i);
            out.append('[').append(Payloads.dec(level.price())).append(',').append(Payloads.dec(level.quantity())).append(']');
        }
        return out.append(']').toString();
    }

    /** Sends a diff through the faults: dropped, held back behind the next, or late. Called under the venue's lock. */
    private void send(String symbol, String event) {
        if (faults.takeDrop()) return;
        String lower = symbol.toLowerCase(Locale.ROOT);
        Runnable out = () -> {
            streams.accept(lower + "@depth", event);
            streams.accept(lower + "@depth@100ms", event);
        };
        if (faults.takeReorder()) {
            heldBack = out;
            return;
        }
        Runnable previous = heldBack;
        heldBack = null;
        Runnable all = previous == null ? out : () -> {
            out.run();
            previous.run();
        };
        long delay = faults.delayMillis();
        if (delay > 0) {
            timer.schedule(all, delay, TimeUnit.MILLISECONDS);
        } else {
            all.run();
        }
    }

    /** {@code GET /api/v3/depth}: the published book, at most {@code limit} levels a side (default 100, at most 5000). */
    String snapshot(Map<String, String> p) {
        String symbol = p.get("symbol");
        if (symbol == null || symbol.isEmpty()) throw VenueError.mandatory("symbol");
        int limit = limit(p.get("limit"));
        synchronized (venue.lock()) {
            Published published = books.get(symbol);
            if (published == null) throw VenueError.badRequest(-1121, VenueMessages.INVALID_SYMBOL);
            refresh(symbol, published);
            return "{\"lastUpdateId\":" + published.lastUpdateId + ",\"bids\":" + snapshotRows(published.bids, limit)
                    + ",\"asks\":" + snapshotRows(published.asks, limit) + "}";
        }
    }

    /** The request weight of a depth snapshot by its limit, as rest-api.md "Order book" lists it. */
    static int weight(Map<String, String> p) {
        int limit;
        try {
            limit = limit(p.get("limit"));
        } catch (VenueError invalid) {
            return 5; // refused after being charged, as the venue does
        }
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    private static int limit(String text) {
        if (text == null) return 100;
        try {
            int limit = Integer.parseInt(text);
            if (limit < 1) throw new NumberFormatException();
            return Math.min(limit, 5000);
        } catch (NumberFormatException e) {
            throw VenueError.badRequest(-1100, "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
        }
    }

    private static String snapshotRows(NavigableMap<BigDecimal, BigDecimal> side, int limit) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (rows.size() == limit) break;
            rows.add(new Row(e.getKey(), e.getValue()));
        }
        return levelRows(rows);
    }

    /** The book of {@code symbol} as last published: what the stream and the snapshot describe. */
    OrderBook published(String symbol) {
        synchronized (venue.lock()) {
            Published p = books.get(symbol);
            if (p == null) throw new InvalidInputException("binance simulator: no market " + symbol);
            return new OrderBook(symbol, p.lastUpdateId, p.time, levels(p.bids), levels(p.asks));
        }
    }

    private static List<BookLevel> levels(NavigableMap<BigDecimal, BigDecimal> side) {
        return side.entrySet().stream().map(e -> new BookLevel(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
