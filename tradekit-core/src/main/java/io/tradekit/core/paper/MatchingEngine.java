package io.tradekit.core.paper;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.TimeInForce;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A venue's order book and account, simulated: the one matching engine behind the paper exchange and
 * every venue simulator. Orders are checked against the instrument's filters and the account's free
 * balances (funds are locked while an order rests); market orders fill at the reference price plus
 * slippage; limit orders fill when a later bar's range or a quote crosses their price. Fees are charged
 * in the quote asset. Thread-safe: every method holds the engine's lock, and the {@link Listener} is
 * called under it, so events reach it in the order they happened.
 */
public final class MatchingEngine {

    /** Told of every order change and fill, in order. */
    public interface Listener {
        void onOrder(Order order);

        void onFill(Fill fill);
    }

    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final Listener SILENT = new Listener() {
        public void onOrder(Order order) {
        }

        public void onFill(Fill fill) {
        }
    };

    private final PaperSettings settings;
    private final String venue;
    private final Map<String, BigDecimal> free = new HashMap<>();
    private final Map<String, BigDecimal> locked = new HashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, BigDecimal> lockedByOrder = new HashMap<>();
    private final RestingOrders resting = new RestingOrders();
    private final List<Order> pendingMarket = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Map<String, BigDecimal> lastPrice = new HashMap<>();
    private final Map<String, Ticker> lastQuote = new HashMap<>();
    private Listener listener = SILENT;
    private io.tradekit.core.store.BotStore book;
    private long sequence;
    private Instant now = Instant.EPOCH;

    public MatchingEngine(String venue, PaperSettings settings) {
        this.venue = venue;
        this.settings = settings;
        settings.balances().forEach(free::put);
    }

    public synchronized void setListener(Listener listener) {
        this.listener = listener == null ? SILENT : listener;
    }

    public PaperSettings settings() {
        return settings;
    }

    public Instrument instrument(String symbol) {
        Instrument instrument = settings.instruments().get(symbol);
        if (instrument == null) {
            throw new ExchangeException(venue, ErrorCategory.INVALID_ORDER, "BAD_SYMBOL", "unknown symbol '" + symbol
                    + "'; this venue lists " + settings.instruments().keySet());
        }
        return instrument;
    }

    /** The engine's notion of now: the time of the last market data it saw, or later if set. */
    public synchronized Instant now() {
        return now;
    }

    public synchronized void advanceTo(Instant time) {
        if (time.isAfter(now)) now = time;
    }

    public synchronized Optional<BigDecimal> lastPrice(String symbol) {
        return Optional.ofNullable(lastPrice.get(symbol));
    }

    /**
     * Accepts a new order. Throws {@link OrderRejectedException} for a broken filter, a duplicate client
     * order id, a post-only order that would take, or funds that are short.
     */
    public synchronized OrderAck submit(OrderRequest request) {
        Instrument instrument = instrument(request.symbol());
        if (orders.containsKey(request.clientOrderId())) {
            throw new OrderRejectedException("DUPLICATE_ORDER", "Duplicate order sent: client order id " + request.clientOrderId());
        }
        BigDecimal reference = referencePrice(request.symbol(), request.side());
        BigDecimal checkPrice = request.limitPrice().orElse(reference);
        if (checkPrice == null) {
            throw new OrderRejectedException(ErrorCategory.VENUE_UNAVAILABLE, "NO_PRICE", request.symbol() + ": no market price yet for a market order");
        }
        instrument.check(request.quantity(), checkPrice, request.type().hasLimitPrice());

        boolean marketable = request.type() == OrderType.MARKET || isMarketable(request, reference);
        if (request.type() == OrderType.LIMIT_MAKER && marketable) {
            throw new OrderRejectedException("WOULD_MATCH", "Order would immediately match and take.");
        }
        Order order = Order.pendingNew(request, "", now).withVenueOrderId(Long.toString(++sequence))
                .withStatus(OrderStatus.NEW, now, Optional.empty());
        BigDecimal lockAmount = fundsNeeded(request, instrument, marketable ? execPrice(request.side(), reference, instrument) : checkPrice);
        String lockAsset = request.side() == Side.BUY ? instrument.quoteAsset() : instrument.baseAsset();
        if (free.getOrDefault(lockAsset, BigDecimal.ZERO).compareTo(lockAmount) < 0) {
            throw new OrderRejectedException(ErrorCategory.INSUFFICIENT_FUNDS, "INSUFFICIENT_BALANCE",
                    "Account has insufficient balance for requested action: needs " + lockAmount.stripTrailingZeros().toPlainString()
                            + " " + lockAsset + ", free " + free.getOrDefault(lockAsset, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
        }
        move(free, locked, lockAsset, lockAmount);
        lockedByOrder.put(order.clientOrderId(), lockAmount);
        orders.put(order.clientOrderId(), order);
        if (book != null) book.writeAhead(order);
        listener.onOrder(order);

        List<Fill> newFills = new ArrayList<>();
        if (marketable && reference != null && (request.type() != OrderType.MARKET || settings.fillModel() == FillModel.CLOSE
                || lastQuote.containsKey(request.symbol()))) {
            newFills.add(execute(order, execPrice(request.side(), reference, instrument), false));
        } else if (request.type() == OrderType.MARKET) {
            pendingMarket.add(order);
        } else if (request.timeInForce() != TimeInForce.GTC) {
            finish(order.clientOrderId(), OrderStatus.EXPIRED, "not marketable: " + request.timeInForce() + " expired");
        } else {
            resting.add(order);
        }
        Order current = orders.get(order.clientOrderId());
        persist();
        return new OrderAck(current.clientOrderId(), current.venueOrderId().orElseThrow(), current.status(),
                current.filledQuantity(), now, newFills);
    }

    public synchronized Order cancel(String symbol, String clientOrderId) {
        Order order = orders.get(clientOrderId);
        if (order == null || !order.symbol().equals(symbol) || order.status().isTerminal()) {
            throw new ExchangeException(venue, ErrorCategory.ORDER_NOT_FOUND, "UNKNOWN_ORDER", "Unknown order sent: " + clientOrderId);
        }
        resting.remove(order);
        pendingMarket.remove(order);
        Order canceled = finish(clientOrderId, OrderStatus.CANCELED, "canceled by request");
        persist();
        return canceled;
    }

    public synchronized int cancelAll(String symbol) {
        List<String> ids = new ArrayList<>();
        for (Order o : orders.values()) if (o.symbol().equals(symbol) && o.status().isOpen()) ids.add(o.clientOrderId());
        for (String id : ids) cancel(symbol, id);
        return ids.size();
    }

    /** Feeds one bar: pending market orders fill at its open, resting limit orders that its range crosses fill. */
    public synchronized List<Fill> onBar(Bar bar) {
        List<Fill> out = List.of();
        String symbol = bar.symbol();
        Instant open = bar.openTime();
        if (open.isAfter(now)) now = open;
        if (!pendingMarket.isEmpty()) {
            Instrument instrument = instrument(symbol);
            for (Iterator<Order> it = pendingMarket.iterator(); it.hasNext(); ) {
                Order o = it.next();
                if (o.symbol().equals(symbol)) {
                    it.remove();
                    out = mutable(out);
                    out.add(execute(o, execPrice(o.side(), bar.open(), instrument), false));
                }
            }
        }
        for (Order o : resting.takeCrossed(symbol, bar.low(), bar.high())) {
            BigDecimal limit = o.limitPrice().orElseThrow();
            BigDecimal price = o.side() == Side.BUY ? limit.min(bar.open()) : limit.max(bar.open());
            out = mutable(out);
            out.add(execute(o, price, true));
        }
        lastPrice.put(symbol, bar.close());
        if (!lastQuote.isEmpty()) lastQuote.remove(symbol);
        Instant close = bar.closeTime();
        if (close.isAfter(now)) now = close;
        rememberMarket(symbol);
        persist();
        return out;
    }

    private static List<Fill> mutable(List<Fill> fills) {
        return fills instanceof ArrayList<Fill> ? fills : new ArrayList<>(fills);
    }

    /** Feeds a quote: market orders fill at the touch, resting limits that the touch crosses fill at their price. */
    public synchronized List<Fill> onTicker(Ticker ticker) {
        List<Fill> out = new ArrayList<>();
        Instrument instrument = instrument(ticker.symbol());
        advanceTo(ticker.time());
        lastQuote.put(ticker.symbol(), ticker);
        lastPrice.put(ticker.symbol(), ticker.last());
        rememberMarket(ticker.symbol());
        for (Iterator<Order> it = pendingMarket.iterator(); it.hasNext(); ) {
            Order o = it.next();
            if (o.symbol().equals(ticker.symbol())) {
                it.remove();
                out.add(execute(o, execPrice(o.side(), o.side() == Side.BUY ? ticker.ask() : ticker.bid(), instrument), false));
            }
        }
        for (Order o : resting.takeCrossed(ticker.symbol(), ticker.ask(), ticker.bid())) {
            out.add(execute(o, o.limitPrice().orElseThrow(), true));
        }
        if (!out.isEmpty()) persist();
        return out;
    }

    public synchronized Optional<Order> order(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    public synchronized List<Order> openOrders(String symbol) {
        List<Order> out = new ArrayList<>();
        for (Order o : orders.values()) if (o.symbol().equals(symbol) && o.status().isOpen()) out.add(o);
        return out;
    }

    public synchronized List<Order> allOrders() {
        return new ArrayList<>(orders.values());
    }

    public synchronized List<Fill> fills(String symbol, Instant since) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : fills) if (f.symbol().equals(symbol) && !f.time().isBefore(since)) out.add(f);
        return out;
    }

    public synchronized List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        java.util.Set<String> assets = new java.util.TreeSet<>(free.keySet());
        assets.addAll(locked.keySet());
        for (String a : assets) out.add(new Balance(a, free.getOrDefault(a, BigDecimal.ZERO), locked.getOrDefault(a, BigDecimal.ZERO)));
        return out;
    }

    /**
     * Keeps the book in {@code store} from now on, after rebuilding it from what the store holds: the
     * account is the starting balances (kept in the store the first time) plus every recorded fill, and
     * open orders rest again with their funds locked. Every change is durable before the call that made
     * it returns, so the paper venue outlives any bot that trades on it.
     */
    public synchronized MatchingEngine keepBookIn(io.tradekit.core.store.BotStore store) {
        this.book = store;
        Map<String, String> config = store.configEntries();
        if (config.keySet().stream().noneMatch(k -> k.startsWith("paper.balance."))) {
            settings.balances().forEach((asset, amount) -> store.putConfig("paper.balance." + asset, amount.toPlainString()));
        } else {
            free.clear();
            config.forEach((k, v) -> {
                if (k.startsWith("paper.balance.")) free.put(k.substring("paper.balance.".length()), new BigDecimal(v));
            });
        }
        for (Fill f : store.fills()) {
            Instrument inst = instrument(f.symbol());
            BigDecimal notional = f.price().multiply(f.quantity());
            if (f.side() == Side.BUY) {
                free.merge(inst.quoteAsset(), notional.add(f.fee()).negate(), BigDecimal::add);
                free.merge(inst.baseAsset(), f.quantity(), BigDecimal::add);
            } else {
                free.merge(inst.baseAsset(), f.quantity().negate(), BigDecimal::add);
                free.merge(inst.quoteAsset(), notional.subtract(f.fee()), BigDecimal::add);
            }
            fills.add(f);
            sequence = Math.max(sequence, numericTail(f.fillId()));
            if (f.time().isAfter(now)) now = f.time();
        }
        config.forEach((k, v) -> {
            if (k.startsWith("paper.last.")) lastPrice.put(k.substring("paper.last.".length()), new BigDecimal(v));
        });
        if (config.containsKey("paper.now")) now = Instant.parse(config.get("paper.now"));
        List<Order> interrupted = new ArrayList<>();
        Map<String, BigDecimal> filledByOrder = new HashMap<>();
        for (Fill f : fills) filledByOrder.merge(f.clientOrderId(), f.quantity(), BigDecimal::add);
        for (Order stored : store.orders()) {
            Order o = stored;
            BigDecimal filled = filledByOrder.getOrDefault(o.clientOrderId(), BigDecimal.ZERO);
            if (o.status().isOpen() && filled.compareTo(o.quantity()) >= 0) {
                // The fill is in the book but the order's FILLED status was lost with the process: the fills decide.
                o = o.withFilled(filled, o.averageFillPrice(), OrderStatus.FILLED, o.updatedAt());
                store.updateOrder(o);
            }
            orders.put(o.clientOrderId(), o);
            sequence = Math.max(sequence, numericTail(o.venueOrderId().orElse("0")));
            if (!o.status().isOpen()) continue;
            Instrument inst = instrument(o.symbol());
            if (o.type() == OrderType.MARKET) {
                // Accepted, but the process stopped before it filled: fill it as it would have been.
                if (settings.fillModel() == FillModel.CLOSE && lastPrice.containsKey(o.symbol())) interrupted.add(o);
                else pendingMarket.add(o);
                continue;
            }
            BigDecimal lock = fundsNeeded(o.request(), inst, o.limitPrice().orElseThrow());
            move(free, locked, o.side() == Side.BUY ? inst.quoteAsset() : inst.baseAsset(), lock);
            lockedByOrder.put(o.clientOrderId(), lock);
            resting.add(o);
        }
        for (Order o : interrupted) execute(o, execPrice(o.side(), lastPrice.get(o.symbol()), instrument(o.symbol())), false);
        store.flush();
        return this;
    }

    /** The paper venue's market state, kept so that it resumes at the price and time it stopped at. */
    private void rememberMarket(String symbol) {
        if (book == null) return;
        book.putConfig("paper.last." + symbol, lastPrice.get(symbol).toPlainString());
        book.putConfig("paper.now", now.toString());
    }

    private static long numericTail(String id) {
        String digits = id.replaceAll("^[^0-9]*", "");
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void persist() {
        if (book != null) book.flush();
    }

    private boolean isMarketable(OrderRequest request, BigDecimal reference) {
        if (reference == null) return false;
        BigDecimal limit = request.limitPrice().orElseThrow();
        return request.side() == Side.BUY ? limit.compareTo(reference) >= 0 : limit.compareTo(reference) <= 0;
    }

    /** The price a taker would meet: the touch when a quote is known, else the last trade or close. */
    private BigDecimal referencePrice(String symbol, Side side) {
        Ticker quote = lastQuote.get(symbol);
        if (quote != null) return side == Side.BUY ? quote.ask() : quote.bid();
        return lastPrice.get(symbol);
    }

    private BigDecimal execPrice(Side side, BigDecimal reference, Instrument instrument) {
        if (settings.slippageBps().signum() == 0) return reference;
        BigDecimal factor = settings.slippageBps().divide(BPS, MathContext.DECIMAL64);
        BigDecimal raw = side == Side.BUY ? reference.multiply(BigDecimal.ONE.add(factor)) : reference.multiply(BigDecimal.ONE.subtract(factor));
        // Slippage always hurts: a buy's price rounds up to the tick, a sell's down.
        BigDecimal ticks = raw.divide(instrument.tickSize(), 0, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.multiply(instrument.tickSize());
    }

    private BigDecimal fundsNeeded(OrderRequest request, Instrument instrument, BigDecimal price) {
        if (request.side() == Side.SELL) return request.quantity();
        BigDecimal notional = request.quantity().multiply(price);
        BigDecimal feeBps = settings.takerFeeBps().max(settings.makerFeeBps());
        return notional.add(notional.multiply(feeBps).divide(BPS, MathContext.DECIMAL64));
    }

    private Fill execute(Order order, BigDecimal price, boolean maker) {
        Instrument instrument = instrument(order.symbol());
        BigDecimal qty = order.remainingQuantity();
        BigDecimal notional = price.multiply(qty);
        BigDecimal fee = notional.multiply(maker ? settings.makerFeeBps() : settings.takerFeeBps()).divide(BPS, MathContext.DECIMAL64);
        String base = instrument.baseAsset();
        String quote = instrument.quoteAsset();
        BigDecimal lockedAmount = lockedByOrder.getOrDefault(order.clientOrderId(), BigDecimal.ZERO);
        lockedByOrder.remove(order.clientOrderId());
        if (order.side() == Side.BUY) {
            BigDecimal cost = notional.add(fee);
            locked.merge(quote, lockedAmount.negate(), BigDecimal::add);
            free.merge(quote, lockedAmount.subtract(cost), BigDecimal::add);
            free.merge(base, qty, BigDecimal::add);
        } else {
            locked.merge(base, lockedAmount.negate(), BigDecimal::add);
            free.merge(quote, notional.subtract(fee), BigDecimal::add);
        }
        Fill fill = new Fill("T" + (++sequence), order.clientOrderId(), order.venueOrderId().orElseThrow(), order.symbol(),
                order.side(), price, qty, fee, quote, now, maker);
        fills.add(fill);
        BigDecimal filled = order.filledQuantity().add(qty);
        Order done = order.withFilled(filled, price, OrderStatus.FILLED, now);
        orders.put(order.clientOrderId(), done);
        if (book != null) {
            book.recordFill(fill);
            book.updateOrder(done);
        }
        listener.onFill(fill);
        listener.onOrder(done);
        return fill;
    }

    private Order finish(String clientOrderId, OrderStatus status, String reason) {
        Order order = orders.get(clientOrderId);
        BigDecimal lockedAmount = lockedByOrder.remove(clientOrderId);
        if (lockedAmount != null) {
            Instrument instrument = instrument(order.symbol());
            String asset = order.side() == Side.BUY ? instrument.quoteAsset() : instrument.baseAsset();
            move(locked, free, asset, lockedAmount);
        }
        Order done = order.withStatus(status, now, Optional.of(reason));
        orders.put(clientOrderId, done);
        if (book != null) book.updateOrder(done);
        listener.onOrder(done);
        return done;
    }

    private static void move(Map<String, BigDecimal> from, Map<String, BigDecimal> to, String asset, BigDecimal amount) {
        from.merge(asset, amount.negate(), BigDecimal::add);
        to.merge(asset, amount, BigDecimal::add);
    }
}
