package io.tradekit.core.paper;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.InvalidInputException;
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
import io.tradekit.core.perp.IsolatedMargin;

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
 * slippage; a marketable limit order fills at the reference price, never worse than its limit and never
 * slipped. A bar is played as its price path ({@link PricePoint#pathOf}): resting orders fill where the
 * path reaches them (at their level, or at the open when the bar gaps through them), and a caller that
 * steps the path itself ({@link #beginBar}, {@link #advance}, {@link #endBar}) lets the bot answer each
 * fill before the path goes on, so what it sends there meets the rest of the same bar. Every fill checks
 * the funds at its own price: a market buy that no longer fits is re-sized to what the account can pay,
 * or refused with the reason. With a participation cap a bar fills at most that fraction of its volume;
 * the rest stays open. Fees are charged in the quote asset. Thread-safe: every method holds the engine's
 * lock, and the {@link Listener} is called under it, so events reach it in the order they happened.
 *
 * <p>A linear perpetual ({@link Instrument#isDerivative()}) trades on margin from the quote asset's wallet
 * (free plus locked): an order locks the initial margin of what it opens at the symbol's leverage
 * ({@link #setLeverage}, default 1) plus the fee on that part (a close needs no funds); a fill moves no notional, only the realized PnL and the
 * fee, and the position's isolated margin stays locked while it is open. A reduce-only order that would
 * open, grow or flip the position is refused with that reason. The mark price is the path's price: where
 * the path crosses a position's liquidation price ({@link IsolatedMargin}) it stops, the venue cancels the
 * symbol's orders and closes the position there (at the gap's price when the path jumps past it) with a
 * market order of its own, charged the instrument's liquidation fee. Funding is settled at every funding
 * time the path reaches, at the price there and the rate of {@link PaperSettings#funding()}, from the wallet.
 * A quote ({@link #onTicker}) is a mark too: it settles the funding due by its time and liquidates at its price.
 */
public final class MatchingEngine {

    /** Told of every order change and fill, in order. */
    public interface Listener {
        /**
         * An order of the account was placed, or its state or quantity changed.
         *
         * @param order the order as it stands after the change
         */
        void onOrder(Order order);

        /**
         * An order of the account filled (in part or in full); told before the order's own change.
         *
         * @param fill the fill, with its price, quantity and fee in the quote asset
         */
        void onFill(Fill fill);

        /**
         * The path stopped at {@code price}: something fills there, or a watched level was crossed. Told before the fills.
         *
         * @param symbol the symbol whose path stopped
         * @param price the price it stopped at
         * @param time the market time there
         */
        default void onPrice(String symbol, BigDecimal price, Instant time) {
        }

        /**
         * Funding was settled on a perpetual position.
         *
         * @param payment the payment; its amount is positive when the account paid, negative when it received
         */
        default void onFunding(FundingPayment payment) {
        }

        /**
         * The venue liquidated a perpetual position with its own {@code order}, filled by {@code fill}.
         * The default tells {@link #onFill} and then {@link #onOrder}.
         *
         * @param order the venue's liquidation order
         * @param fill its fill
         */
        default void onLiquidation(Order order, Fill fill) {
            onFill(fill);
            onOrder(order);
        }
    }

    private static final BigDecimal BPS = new BigDecimal("10000");
    /** Book config: when a perpetual symbol's next funding is due. */
    private static final String NEXT_FUNDING_KEY = "paper.nextFunding.";
    /** Book config of books written before funding payments had a table: the funding paid per quote asset. */
    private static final String LEGACY_FUNDING_KEY = "paper.funding.";
    private static final Listener SILENT = new Listener() {
        public void onOrder(Order order) {
        }

        public void onFill(Fill fill) {
        }
    };

    private final PaperSettings settings;
    /** The maker and taker fees as rates, and a buy's cost per unit of notional with each: the same for every fill. */
    private final BigDecimal makerFeeRate;
    private final BigDecimal takerFeeRate;
    private final BigDecimal makerCostFactor;
    private final BigDecimal takerCostFactor;
    private final String venue;
    private final Map<String, BigDecimal> free = new HashMap<>();
    private final Map<String, BigDecimal> locked = new HashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    /** How many finished orders {@link #orders} keeps, the newest (see {@link #keepFinishedOrders}); every one by default. */
    private int finishedKept = Integer.MAX_VALUE;
    /** The client order ids of the finished orders kept, oldest first, while {@link #finishedKept} is a limit. */
    private final java.util.ArrayDeque<String> finished = new java.util.ArrayDeque<>();
    private final Map<String, BigDecimal> lockedByOrder = new HashMap<>();
    private final RestingOrders resting = new RestingOrders();
    private final PerpetualBook perpetuals;
    private final List<Order> pendingMarket = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Map<String, BigDecimal> lastPrice = new HashMap<>();
    private final Map<String, Ticker> lastQuote = new HashMap<>();
    private final Map<String, java.util.NavigableSet<BigDecimal>> watched = new HashMap<>();
    private final Map<String, BigDecimal> volumeLeft = new HashMap<>();
    private final List<FundingPayment> fundingPayments = new ArrayList<>();
    /** Symbols whose last bar has closed and whose next has not opened: under NEXT_OPEN, orders there wait for the open. */
    private final java.util.Set<String> betweenBars = new java.util.HashSet<>();
    /** Per symbol, the close of the last bar played to its end: bars of several symbols close at the same times. */
    private final Map<String, Instant> closedUntil = new HashMap<>();
    private List<Fill> collecting;
    private Listener listener = SILENT;
    private io.tradekit.core.store.BotStore book;
    private long sequence;
    private Instant now = Instant.EPOCH;
    /** The bar whose path a durable venue is playing (its open time) and the point the market moves toward; null between bars. */
    private Instant pathBar;
    private int pathPoint;
    /** Where a durable venue's book says a bar's path stood when its process ended, by symbol (see {@link #resumeBar}). */
    private final Map<String, PathMark> interrupted = new HashMap<>();

    /**
     * An engine with the settings' starting balances, no orders and no price yet; its clock starts at the epoch.
     *
     * @param venue the venue's name in errors and fills (e.g. {@code paper} or a simulator's venue)
     * @param settings the instruments, balances, fees, slippage, fill model, participation cap and funding
     */
    public MatchingEngine(String venue, PaperSettings settings) {
        this.venue = venue;
        this.settings = settings;
        this.makerFeeRate = settings.makerFeeBps().divide(BPS, MathContext.DECIMAL64);
        this.takerFeeRate = settings.takerFeeBps().divide(BPS, MathContext.DECIMAL64);
        this.makerCostFactor = BigDecimal.ONE.add(makerFeeRate);
        this.takerCostFactor = BigDecimal.ONE.add(takerFeeRate);
        this.perpetuals = new PerpetualBook(settings.funding());
        settings.balances().forEach(free::put);
    }

    /**
     * Sets who is told of order changes, fills, stops, funding and liquidations; called under the engine's lock.
     *
     * @param listener the listener; null tells no one
     */
    public synchronized void setListener(Listener listener) {
        this.listener = listener == null ? SILENT : listener;
    }

    /**
     * The settings the engine was made with.
     *
     * @return the settings
     */
    public PaperSettings settings() {
        return settings;
    }

    /**
     * The instrument the venue lists under {@code symbol}.
     *
     * @param symbol the symbol
     * @return the instrument
     * @throws ExchangeException {@code INVALID_ORDER} for a symbol the venue does not list
     */
    public Instrument instrument(String symbol) {
        Instrument instrument = settings.instruments().get(symbol);
        if (instrument == null) {
            throw new ExchangeException(venue, ErrorCategory.INVALID_ORDER, "BAD_SYMBOL", "unknown symbol '" + symbol
                    + "'; this venue lists " + settings.instruments().keySet());
        }
        return instrument;
    }

    /**
     * The engine's notion of now: the time of the last market data it saw, or later if set.
     *
     * @return the engine's market time
     */
    public synchronized Instant now() {
        return now;
    }

    /**
     * Moves the engine's clock forward to {@code time}; an earlier time is ignored.
     *
     * @param time the new market time
     */
    public synchronized void advanceTo(Instant time) {
        if (time.isAfter(now)) now = time;
    }

    /**
     * The last price the engine saw for a symbol (a bar's path, a close, or a ticker's last price).
     *
     * @param symbol the symbol
     * @return the price, or empty before any
     */
    public synchronized Optional<BigDecimal> lastPrice(String symbol) {
        return Optional.ofNullable(lastPrice.get(symbol));
    }

    /**
     * The price a market order of {@code side} placed now would fill at (the touch or the last price, with
     * slippage), or empty before the symbol has a price.
     *
     * @param symbol the symbol
     * @param side the market order's side
     * @return the fill price before fees, or empty before the symbol has a price
     * @throws ExchangeException {@code INVALID_ORDER} for a symbol the venue does not list
     */
    public synchronized Optional<BigDecimal> marketFillPrice(String symbol, Side side) {
        BigDecimal reference = referencePrice(symbol, side);
        return reference == null ? Optional.empty() : Optional.of(execPrice(side, reference, instrument(symbol)));
    }

    /**
     * What a taker pays in fees per unit of notional.
     *
     * @return the taker fee as a rate: 10 bps is 0.001
     */
    public BigDecimal takerFeeRate() {
        return settings.takerFeeBps().divide(BPS, MathContext.DECIMAL64);
    }

    /**
     * Accepts a new order. Throws {@link OrderRejectedException} for a broken filter, a duplicate client
     * order id, a post-only order that would take, or funds that are short.
     * A marketable order fills at once (up to the participation cap; the rest stays open), except that under NEXT_OPEN
     * between bars a taker waits for the next open. A limit order that is not marketable rests when GTC and expires
     * otherwise.
     *
     * @param request the order
     * @return the acknowledgement with the order's status, filled quantity and the fills it had at once
     * @throws ExchangeException {@code INVALID_ORDER} for a symbol the venue does not list
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
        if (instrument.isDerivative()) perpetuals.checkReduceOnly(request, instrument);

        boolean marketable = request.type() == OrderType.MARKET || isMarketable(request, reference);
        if (request.type() == OrderType.LIMIT_MAKER && marketable) {
            throw new OrderRejectedException("WOULD_MATCH", "Order would immediately match and take.");
        }
        Order order = new Order(request.clientOrderId(), Optional.of(Long.toString(++sequence)), request.symbol(), request.side(),
                request.type(), request.quantity(), request.limitPrice(), request.timeInForce(), request.reduceOnly(), OrderStatus.NEW,
                BigDecimal.ZERO, BigDecimal.ZERO, now, now, "", Optional.empty());
        BigDecimal fillPrice = marketable && reference != null ? fillPrice(request, reference, instrument) : checkPrice;
        BigDecimal lockAmount = fundsNeeded(instrument, request.side(), request.quantity(), fillPrice);
        String lockAsset = lockAsset(instrument, request.side());
        // An order that needs no funds (a perpetual's close) goes through even when funding left the free balance below zero.
        if (lockAmount.signum() > 0 && free.getOrDefault(lockAsset, BigDecimal.ZERO).compareTo(lockAmount) < 0) {
            throw new OrderRejectedException(ErrorCategory.INSUFFICIENT_FUNDS, "INSUFFICIENT_BALANCE",
                    "Account has insufficient balance for requested action: needs " + lockAmount.stripTrailingZeros().toPlainString()
                            + " " + lockAsset + ", free " + free.getOrDefault(lockAsset, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
        }
        move(free, locked, lockAsset, lockAmount);
        lockedByOrder.put(order.clientOrderId(), lockAmount);
        orders.put(order.clientOrderId(), order);
        if (book != null) book.writeAhead(order);
        listener.onOrder(order);

        // Between two bars under NEXT_OPEN nobody can trade at the close just seen: a taker waits for the next open.
        boolean waitsForOpen = settings.fillModel() == FillModel.NEXT_OPEN && betweenBars.contains(request.symbol())
                && !lastQuote.containsKey(request.symbol());
        List<Fill> newFills = List.of();
        if (marketable && reference != null && !waitsForOpen) {
            Fill fill = execute(order, fillPrice, false);
            if (fill != null) newFills = List.of(fill);
            Order after = orders.get(order.clientOrderId());
            if (after != null && after.status().isOpen()) {
                if (request.type() == OrderType.MARKET) pendingMarket.add(after);
                else resting.add(after);
            }
        } else if (request.type() == OrderType.MARKET || (marketable && waitsForOpen)) {
            pendingMarket.add(order);
        } else if (request.timeInForce() != TimeInForce.GTC) {
            finish(order.clientOrderId(), OrderStatus.EXPIRED, "not marketable: " + request.timeInForce() + " expired");
        } else {
            resting.add(order);
        }
        Order current = orders.get(order.clientOrderId());
        if (current == null) {
            throw new IllegalStateException("order " + order.clientOrderId() + " finished and was forgotten before its placement returned: "
                    + "a listener placed more than " + finishedKept + " orders that finished meanwhile; keep more finished orders");
        }
        persist();
        return new OrderAck(current.clientOrderId(), current.venueOrderId().orElseThrow(), current.status(),
                current.filledQuantity(), now, newFills);
    }

    /**
     * Cancels an open order of {@code symbol}; its locked funds are released.
     *
     * @param symbol the order's symbol
     * @param clientOrderId the order's client order id
     * @return the CANCELED order
     * @throws ExchangeException {@code ORDER_NOT_FOUND} when no open order of that symbol has that id
     */
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

    /**
     * Lowers the quantity of a resting order to {@code newQuantity} and keeps its time priority: it stays
     * where it stands in the queue at its price, with its client and venue order ids. The funds locked for
     * the quantity taken away are released. Refused (nothing changes) unless the order is open, the new
     * quantity is below its quantity, above what has filled, and passes the instrument's quantity filters.
     *
     * @return the amended order
     * @throws ExchangeException {@code ORDER_NOT_FOUND} for an order that is not open
     * @throws OrderRejectedException for a quantity that is not a decrease, not above the filled part, or breaks a filter
     * @param symbol the order's symbol
     * @param clientOrderId the order's client order id
     * @param newQuantity the new total quantity, below the order's and above what has filled
     */
    public synchronized Order reduceRestingQuantity(String symbol, String clientOrderId, BigDecimal newQuantity) {
        Order order = orders.get(clientOrderId);
        if (order == null || !order.symbol().equals(symbol) || order.status().isTerminal()) {
            throw new ExchangeException(venue, ErrorCategory.ORDER_NOT_FOUND, "UNKNOWN_ORDER", "Unknown order sent: " + clientOrderId);
        }
        if (newQuantity.compareTo(order.quantity()) >= 0) {
            throw new OrderRejectedException("AMEND_INCREASE", "Order amend (quantity increase) is not supported: new quantity "
                    + newQuantity.toPlainString() + " is not below " + order.quantity().toPlainString() + " of " + clientOrderId);
        }
        if (newQuantity.compareTo(order.filledQuantity()) <= 0) {
            throw new OrderRejectedException("AMEND_BELOW_FILLED", "Order amend refused: new quantity " + newQuantity.toPlainString()
                    + " is not above the " + order.filledQuantity().toPlainString() + " already filled of " + clientOrderId);
        }
        Instrument instrument = instrument(symbol);
        instrument.check(newQuantity, order.limitPrice().orElseGet(() -> lastPrice.get(symbol)), order.type().hasLimitPrice());
        Order amended = order.withQuantity(newQuantity, now);
        if (!resting.replaceInPlace(amended)) pendingMarket.replaceAll(o -> o.clientOrderId().equals(clientOrderId) ? amended : o);
        BigDecimal lockedAmount = lockedByOrder.get(clientOrderId);
        if (lockedAmount != null) {
            BigDecimal price = order.limitPrice().orElseGet(() -> lastPrice.get(symbol));
            BigDecimal stillNeeded = fundsNeeded(instrument, order.side(), amended.remainingQuantity(), price).min(lockedAmount);
            move(locked, free, lockAsset(instrument, order.side()), lockedAmount.subtract(stillNeeded));
            lockedByOrder.put(clientOrderId, stillNeeded);
        }
        orders.put(clientOrderId, amended);
        if (book != null) book.updateOrder(amended);
        listener.onOrder(amended);
        persist();
        return amended;
    }

    /**
     * Cancels every open order of a symbol.
     *
     * @param symbol the symbol
     * @return how many orders were cancelled
     */
    public synchronized int cancelAll(String symbol) {
        List<String> ids = new ArrayList<>();
        for (Order o : orders.values()) if (o.symbol().equals(symbol) && o.status().isOpen()) ids.add(o.clientOrderId());
        for (String id : ids) cancel(symbol, id);
        return ids.size();
    }

    /**
     * Feeds one bar: plays its whole price path without stopping (for callers that do not answer fills in between).
     *
     * @param bar a closed bar of one of the venue's instruments
     * @return the fills the bar caused, in order
     */
    public synchronized List<Fill> onBar(Bar bar) {
        List<Fill> out = new ArrayList<>();
        collecting = out;
        try {
            beginBar(bar);
            for (PricePoint point : PricePoint.pathOf(bar)) {
                while (!advance(bar.symbol(), point)) {
                    // each call stops at one level where orders filled; the path goes on from there
                }
            }
            endBar(bar);
        } finally {
            collecting = null;
        }
        return out.isEmpty() ? List.of() : out;
    }

    /**
     * Whether nothing of {@code symbol} can happen on a path: no resting or waiting order and no watched
     * level. A driver may then skip the path's points ({@link #beginBar} and {@link #endBar} only).
     *
     * @param symbol the symbol
     * @return true when nothing of the symbol rests, waits for a price or is watched
     */
    public synchronized boolean isQuiet(String symbol) {
        return resting.isEmpty(symbol) && nothingElseWaits(symbol);
    }

    /** No order of {@code symbol} waits for a price, no level of it is watched and no perpetual position of it is held. */
    private boolean nothingElseWaits(String symbol) {
        return !hasPending(symbol) && !watched.containsKey(symbol) && !holdsPerpetual(symbol);
    }

    /**
     * Opens a bar and, when nothing on its path can fill or must be watched, closes it at once with {@link #endBar}:
     * one lock for the common bar of a backtest. Nothing can fill when no order waits for a price, no level is watched,
     * no perpetual position is held and no resting order stands within the bar's range (no bid at or above its low, no
     * ask at or below its high): the path's points would move the price and tell no one. Returns true when the bar is
     * closed; false when the caller must play its path with {@link #advance} and close it with {@link #endBar}.
     *
     * @param bar the bar to open
     * @return true when the bar is closed already
     */
    public synchronized boolean playIfQuiet(Bar bar) {
        return playIfQuiet(bar, bar.closeTime());
    }

    /**
     * {@link #playIfQuiet(Bar)} for a driver that has the bar's {@link Bar#closeTime() close time} already (one instant per bar).
     *
     * @param bar the bar to open
     * @param closeTime {@code bar.closeTime()}, made once by the driver
     * @return true when the bar is closed already
     */
    public synchronized boolean playIfQuiet(Bar bar, Instant closeTime) {
        beginBar(bar);
        String symbol = bar.symbol();
        // A grid's orders always rest, but most bars reach none of them: those bars need no path either.
        if (resting.reachedWithin(symbol, bar.low(), bar.high()) || !nothingElseWaits(symbol)) return false;
        endBar(bar, closeTime);
        return true;
    }

    /**
     * {@link #hasPlayed(Bar, Instant)}, then {@link #playIfQuiet(Bar, Instant)}, under one lock: the call a venue without a
     * durable book makes for every bar of a backtest (a durable one asks {@link #resumeBar} in between).
     *
     * @param bar the bar to open
     * @param closeTime {@code bar.closeTime()}, made once by the driver
     * @return true when there is nothing more to do for the bar (played already, or quiet and closed at once); false
     *         when the caller must play its path with {@link #advance} and close it with {@link #endBar}
     */
    public synchronized boolean playedOrQuiet(Bar bar, Instant closeTime) {
        return hasPlayed(bar, closeTime) || playIfQuiet(bar, closeTime);
    }

    /**
     * Whether the market of {@code bar}'s symbol already stands at or past its close: the bar was played to its end (before a restart).
     *
     * @param bar the bar
     * @return true if the symbol's market stands at or after the bar's close time
     */
    public synchronized boolean hasPlayed(Bar bar) {
        return hasPlayed(bar, bar.closeTime());
    }

    /**
     * {@link #hasPlayed(Bar)} for a driver that has the bar's {@link Bar#closeTime() close time} already.
     *
     * @param bar the bar
     * @param closeTime {@code bar.closeTime()}, made once by the driver
     * @return true if the symbol's market stands at or after that close time
     */
    public synchronized boolean hasPlayed(Bar bar, Instant closeTime) {
        Instant closed = closedUntil.get(bar.symbol());
        return closed != null && !closed.isBefore(closeTime);
    }

    /**
     * Opens a bar: its volume becomes the budget of the participation cap; the market stands between bars no more.
     *
     * @param bar the bar to open
     */
    public synchronized void beginBar(Bar bar) {
        if (bar.openTime().isAfter(now)) now = bar.openTime();
        // Only next-open fills ask whether the market stands between bars.
        if (settings.fillModel() == FillModel.NEXT_OPEN) betweenBars.remove(bar.symbol());
        if (settings.participationCap().signum() > 0) volumeLeft.put(bar.symbol(), bar.volume().multiply(settings.participationCap()));
    }

    /**
     * Moves the market of {@code symbol} toward {@code point}. Returns true when the market stands at the
     * point; false when it stopped short, at a level where resting orders filled or at a watched level,
     * in which case the caller lets the bot answer and calls again. A gap point is reached at once: every
     * order it jumped over fills at its price.
     *
     * @param symbol the symbol
     * @param point the next point of the bar's path
     * @return true when the market reached the point, false when it stopped short
     */
    public synchronized boolean advance(String symbol, PricePoint point) {
        if (point.time().isAfter(now)) now = point.time();
        BigDecimal from = lastPrice.get(symbol);
        BigDecimal target = point.price();
        BigDecimal at = target;
        boolean stopped = false;
        java.util.NavigableSet<BigDecimal> watches = watched.get(symbol);
        boolean watching = watches != null && !watches.isEmpty();
        Instrument listed = settings.instruments().get(symbol);
        boolean derivative = listed != null && listed.isDerivative();
        Instrument perpetual = derivative && perpetuals.quantity(listed).signum() != 0 ? listed : null;
        BigDecimal held = perpetual == null ? BigDecimal.ZERO : perpetuals.quantity(perpetual);
        BigDecimal liquidation = perpetual == null ? null : perpetuals.liquidationPrice(perpetual).orElse(null);
        if (from != null && !point.gap() && target.compareTo(from) != 0) {
            boolean down = target.compareTo(from) < 0;
            BigDecimal level = resting.nearestCrossing(symbol, down, from, target);
            if (liquidation != null && down == held.signum() > 0 && between(liquidation, from, target)
                    && (level == null || (down ? liquidation.compareTo(level) > 0 : liquidation.compareTo(level) < 0))) {
                level = liquidation;
            }
            if (watching) {
                java.util.NavigableSet<BigDecimal> between = down ? watches.subSet(target, true, from, false)
                        : watches.subSet(from, false, target, true);
                BigDecimal w = between.isEmpty() ? null : down ? between.last() : between.first();
                if (w != null && (level == null || (down ? w.compareTo(level) > 0 : w.compareTo(level) < 0))) level = w;
            }
            if (level != null && level.compareTo(target) != 0) {
                at = level;
                stopped = true;
            }
        }
        BigDecimal previous = from == null ? at : from;
        lastPrice.put(symbol, at);
        if (!lastQuote.isEmpty()) lastQuote.remove(symbol);
        boolean liquidated = liquidation != null && IsolatedMargin.reaches(held, at, liquidation);
        if (liquidated) {
            listener.onPrice(symbol, at, now);
            // Along the path the mark meets the liquidation price itself; a gap jumps past it to its own price.
            liquidate(perpetual, point.gap() || from == null ? at : liquidation);
        }
        boolean pending = hasPending(symbol);
        List<Order> crossed = point.gap() || from == null
                ? resting.takeCrossed(symbol, at, at)
                : at.compareTo(previous) < 0 ? resting.takeCrossed(symbol, at, null) : resting.takeCrossed(symbol, null, at);
        if (!liquidated && (pending || !crossed.isEmpty() || watching || perpetual != null)) listener.onPrice(symbol, at, now);
        if (pending) fillPending(symbol, at);
        for (int i = 0; i < crossed.size(); i++) { // indexed: the common empty list then costs no iterator
            Order o = crossed.get(i);
            BigDecimal limit = o.limitPrice().orElseThrow();
            // A limit never fills worse than its limit: the path trades through it at its level, a gap at the price it jumped to.
            BigDecimal met = point.gap() || from == null ? at : previous;
            BigDecimal price = o.side() == Side.BUY ? limit.min(met) : limit.max(met);
            execute(o, price, true);
            Order after = orders.get(o.clientOrderId());
            if (after != null && after.status().isOpen()) resting.add(after);
        }
        if (!stopped && derivative) settleFunding(listed, point.time(), at);
        if (!crossed.isEmpty() || pending || liquidated) {
            rememberPathPoint(symbol, !stopped);
            persist();
        }
        return !stopped;
    }

    private static boolean between(BigDecimal price, BigDecimal from, BigDecimal to) {
        return from.compareTo(to) < 0 ? price.compareTo(from) > 0 && price.compareTo(to) <= 0
                : price.compareTo(to) >= 0 && price.compareTo(from) < 0;
    }

    /**
     * Closes a bar: its close is the last price, and (under NEXT_OPEN) takers wait for the next open.
     *
     * @param bar the bar to close
     */
    public synchronized void endBar(Bar bar) {
        endBar(bar, bar.closeTime());
    }

    /**
     * {@link #endBar(Bar)} for a driver that has the bar's {@link Bar#closeTime() close time} already.
     *
     * @param bar the bar to close
     * @param close {@code bar.closeTime()}, made once by the driver
     */
    public synchronized void endBar(Bar bar, Instant close) {
        String symbol = bar.symbol();
        lastPrice.put(symbol, bar.close());
        if (!lastQuote.isEmpty()) lastQuote.remove(symbol);
        if (close.isAfter(now)) now = close;
        closedUntil.merge(symbol, close, (a, b) -> b.isAfter(a) ? b : a);
        if (settles(symbol)) settleFunding(instrument(symbol), close, bar.close());
        if (settings.fillModel() == FillModel.NEXT_OPEN) betweenBars.add(symbol);
        pathBar = null;
        rememberMarket(symbol);
        persist();
    }

    /**
     * A durable venue's driver says which point of {@code bar}'s path ({@link PricePoint#pathOf}) the market moves
     * toward next, so that the book records, with the fills of every stop, how far along the bar the path went.
     *
     * @param bar the bar being played
     * @param point the index of the point in {@link PricePoint#pathOf}, 0 to 3
     */
    public synchronized void towardPoint(Bar bar, int point) {
        pathBar = bar.openTime();
        pathPoint = point;
    }

    /**
     * Where to go on with {@code bar} when a durable venue's process ended inside it: the index of the first point of
     * its path still to play, with the market where the path stood (the price and time the book recorded with the
     * fills of that stop), announced to the bot as a price before anything moves; -1 when the bar was not begun.
     * Played from there, the rest of the bar meets exactly the orders it would have met had the process not ended,
     * provided the bot has answered the fills of that stop first (a restarted bot gets them when it reconciles).
     *
     * @param bar the bar the driver is about to play
     * @return the index of the first point still to play, or -1
     */
    public synchronized int resumeBar(Bar bar) {
        PathMark mark = interrupted.remove(bar.symbol());
        if (mark == null || !mark.bar().equals(bar.openTime()) || hasPlayed(bar)) return -1;
        if (settings.fillModel() == FillModel.NEXT_OPEN) betweenBars.remove(bar.symbol());
        if (mark.volumeLeft() != null) volumeLeft.put(bar.symbol(), mark.volumeLeft());
        pathBar = mark.bar();
        pathPoint = mark.point();
        BigDecimal at = lastPrice.get(bar.symbol());
        if (at != null) listener.onPrice(bar.symbol(), at, now);
        return mark.reached() ? mark.point() + 1 : mark.point();
    }

    /** A stop of a bar's path as a durable book records it: the bar, the point moved toward, whether it was reached. */
    private record PathMark(Instant bar, int point, boolean reached, BigDecimal volumeLeft) {

        String encode() {
            return bar + "#" + point + "#" + reached + "#" + (volumeLeft == null ? "-" : volumeLeft.toPlainString());
        }

        static PathMark decode(String text) {
            String[] parts = text.split("#");
            return new PathMark(Instant.parse(parts[0]), Integer.parseInt(parts[1]), Boolean.parseBoolean(parts[2]),
                    "-".equals(parts[3]) ? null : new BigDecimal(parts[3]));
        }
    }

    /** With the fills of a stop inside a bar, where the path stands: the book resumes the bar from there after a restart. */
    private void rememberPathPoint(String symbol, boolean reached) {
        if (book == null || pathBar == null || !lastPrice.containsKey(symbol)) return;
        book.putConfig("paper.path." + symbol, new PathMark(pathBar, pathPoint, reached, volumeLeft.get(symbol)).encode());
        rememberMarket(symbol);
    }

    /**
     * Prices at which the path of {@code symbol} must stop even when nothing fills there (the bot's stop
     * and take-profit levels), so that the bot sees the price cross them as a live ticker stream would
     * show it. While any level is watched, the path also stops at each of its points.
     *
     * @param symbol the symbol
     * @param levels the levels; an empty collection stops watching the symbol
     */
    public synchronized void watch(String symbol, java.util.Collection<BigDecimal> levels) {
        if (levels.isEmpty()) watched.remove(symbol);
        else watched.put(symbol, new java.util.TreeSet<>(levels));
    }

    /** Whether the account holds a position in {@code symbol} and it is a perpetual. */
    private boolean holdsPerpetual(String symbol) {
        Instrument instrument = settings.instruments().get(symbol);
        return instrument != null && instrument.isDerivative() && perpetuals.quantity(instrument).signum() != 0;
    }

    private boolean settles(String symbol) {
        Instrument instrument = settings.instruments().get(symbol);
        return instrument != null && instrument.isDerivative();
    }

    /**
     * Sets the account's leverage for new positions in a perpetual symbol (refused above the venue's maximum).
     *
     * @param symbol a perpetual symbol
     * @param leverage the leverage, e.g. 5 for 5x
     */
    public synchronized void setLeverage(String symbol, BigDecimal leverage) {
        perpetuals.setLeverage(instrument(symbol), leverage);
        if (book != null) {
            book.putConfig("paper.leverage." + symbol, leverage.toPlainString());
            persist();
        }
    }

    /**
     * The account's open position in a perpetual symbol; empty when flat or spot.
     *
     * @param symbol the symbol
     * @return the position, or empty
     */
    public synchronized Optional<io.tradekit.api.Position> position(String symbol) {
        Instrument instrument = instrument(symbol);
        return instrument.isDerivative() ? perpetuals.position(instrument) : Optional.empty();
    }

    /**
     * Pays or receives the funding due by {@code time}, from the wallet, and tells the listener. A durable book
     * journals each payment before the schedule moves past it, so a restart neither repeats nor loses one.
     */
    private void settleFunding(Instrument instrument, Instant time, BigDecimal mark) {
        String symbol = instrument.symbol();
        Optional<Instant> dueBefore = perpetuals.nextFunding(symbol);
        for (FundingPayment payment : perpetuals.fundingDue(instrument, time, mark)) {
            free.merge(instrument.quoteAsset(), payment.amount().negate(), BigDecimal::add);
            fundingPayments.add(payment);
            if (book != null) book.recordFunding(payment);
            listener.onFunding(payment);
        }
        Optional<Instant> dueNext = perpetuals.nextFunding(symbol);
        if (book != null && dueNext.isPresent() && !dueNext.equals(dueBefore)) {
            book.putConfig(NEXT_FUNDING_KEY + symbol, dueNext.get().toString());
        }
    }

    /**
     * The funding settlements of the account's {@code symbol} position at or after {@code since}, oldest first.
     *
     * @param symbol the symbol
     * @param since the earliest settlement time included
     * @return the payments, oldest first; empty for a spot symbol or one never settled
     */
    public synchronized List<FundingPayment> fundingPayments(String symbol, Instant since) {
        List<FundingPayment> out = new ArrayList<>();
        for (FundingPayment p : fundingPayments) if (p.symbol().equals(symbol) && !p.time().isBefore(since)) out.add(p);
        return out;
    }

    /**
     * Closes the position of {@code instrument} at {@code price} as the venue's own market order, after
     * cancelling the account's orders in the symbol; the fill is charged the liquidation fee.
     */
    private void liquidate(Instrument instrument, BigDecimal price) {
        String symbol = instrument.symbol();
        for (Order o : openOrders(symbol)) {
            resting.remove(o);
            pendingMarket.remove(o);
            finish(o.clientOrderId(), OrderStatus.CANCELED, "canceled: the position was liquidated at " + price.toPlainString());
        }
        BigDecimal held = perpetuals.quantity(instrument);
        long id = ++sequence;
        OrderRequest request = new OrderRequest("liq-" + id, symbol, held.signum() > 0 ? Side.SELL : Side.BUY, OrderType.MARKET,
                held.abs(), Optional.empty(), TimeInForce.GTC, true);
        Order order = Order.pendingNew(request, "liquidation", now).withVenueOrderId(Long.toString(id))
                .withStatus(OrderStatus.NEW, now, Optional.of("liquidated: margin fell to the maintenance margin"));
        orders.put(order.clientOrderId(), order);
        if (book != null) book.writeAhead(order);
        executePerpetual(order, instrument, price, false, instrument.margin().liquidationFeeRate());
    }

    /**
     * Fills what it can of a perpetual {@code order} at {@code price}: the quantity the participation cap
     * leaves, less for a reduce-only order whose position shrank meanwhile (cancelled when nothing is left to
     * reduce); an order whose new exposure the account can no longer margin is rejected. The wallet changes
     * by the realized PnL less the fee; the position's margin moves between free and locked.
     */
    private Fill executePerpetual(Order order, Instrument instrument, BigDecimal price, boolean maker, BigDecimal feeRate) {
        String quote = instrument.quoteAsset();
        BigDecimal qty = order.remainingQuantity();
        if (order.reduceOnly()) {
            BigDecimal held = perpetuals.quantity(instrument);
            if (held.signum() == 0 || held.signum() == order.side().sign()) {
                finish(order.clientOrderId(), OrderStatus.CANCELED, "reduce-only: no position left to reduce");
                return null;
            }
            qty = qty.min(held.abs());
        }
        boolean capped = false;
        BigDecimal budget = volumeLeft.get(order.symbol());
        if (budget != null && settings.participationCap().signum() > 0 && !"liquidation".equals(order.tag())) {
            BigDecimal allowed = floorToStep(budget, instrument);
            if (allowed.compareTo(qty) < 0) {
                qty = allowed;
                capped = true;
            }
            if (qty.signum() <= 0) return null;
        }
        BigDecimal lockedAmount = lockedByOrder.getOrDefault(order.clientOrderId(), BigDecimal.ZERO);
        BigDecimal notional = instrument.notional(qty, price);
        BigDecimal fee = notional.multiply(feeRate);
        BigDecimal opening = perpetuals.openingQuantity(instrument, order.side(), qty);
        BigDecimal needed = perpetuals.initialMargin(instrument, opening, price).add(instrument.notional(opening, price).multiply(feeRate));
        BigDecimal canPay = lockedAmount.add(free.getOrDefault(quote, BigDecimal.ZERO));
        if (!"liquidation".equals(order.tag()) && needed.signum() > 0 && needed.compareTo(canPay) > 0) {
            finish(order.clientOrderId(), OrderStatus.REJECTED, "insufficient margin at the fill price " + price.toPlainString()
                    + ": needs " + needed.stripTrailingZeros().toPlainString() + " " + quote + ", can use " + canPay.stripTrailingZeros().toPlainString());
            return null;
        }
        if (budget != null) volumeLeft.put(order.symbol(), budget.subtract(qty));
        Fill fill = new Fill("T" + (++sequence), order.clientOrderId(), order.venueOrderId().orElseThrow(), order.symbol(),
                order.side(), price, qty, fee, quote, now, maker);
        // The order's lock is released as it fills; the position's margin is locked instead.
        BigDecimal released = qty.compareTo(order.remainingQuantity()) >= 0 ? lockedAmount
                : lockedAmount.multiply(qty).divide(order.remainingQuantity(), MathContext.DECIMAL64);
        PerpetualBook.Change change = perpetuals.apply(fill, instrument);
        locked.merge(quote, change.marginDelta().subtract(released), BigDecimal::add);
        free.merge(quote, change.walletDelta().subtract(change.marginDelta()).add(released), BigDecimal::add);
        lockedByOrder.put(order.clientOrderId(), lockedAmount.subtract(released));
        Order done = recordFill(order, fill);
        boolean complete = done.status() == OrderStatus.FILLED;
        if ("liquidation".equals(order.tag())) {
            listener.onLiquidation(done, fill);
        } else {
            listener.onFill(fill);
            listener.onOrder(done);
        }
        if (!complete && !capped) finish(order.clientOrderId(), OrderStatus.CANCELED, "reduce-only: the position left to reduce was smaller");
        return fill;
    }

    private boolean hasPending(String symbol) {
        if (pendingMarket.isEmpty()) return false;
        for (Order o : pendingMarket) if (o.symbol().equals(symbol)) return true;
        return false;
    }

    /** Market orders waiting for a price, and marketable limits that waited for the open, meet the market at {@code price}. */
    private void fillPending(String symbol, BigDecimal price) {
        Instrument instrument = instrument(symbol);
        List<Order> due = new ArrayList<>();
        for (Iterator<Order> it = pendingMarket.iterator(); it.hasNext(); ) {
            Order o = it.next();
            if (o.symbol().equals(symbol)) {
                it.remove();
                due.add(o);
            }
        }
        for (Order o : due) {
            Order current = orders.get(o.clientOrderId());
            if (current == null || !current.status().isOpen()) continue;
            if (o.type() == OrderType.MARKET) {
                execute(current, execPrice(o.side(), price, instrument), false);
                Order after = orders.get(o.clientOrderId());
                if (after != null && after.status().isOpen()) pendingMarket.add(after);
            } else if (isMarketable(o.request(), price)) {
                execute(current, price, false);
                Order after = orders.get(o.clientOrderId());
                if (after != null && after.status().isOpen()) resting.add(after);
            } else if (o.type() == OrderType.LIMIT && o.timeInForce() != TimeInForce.GTC) {
                finish(o.clientOrderId(), OrderStatus.EXPIRED, "not marketable at the open: " + o.timeInForce() + " expired");
            } else {
                resting.add(current);
            }
        }
    }

    /**
     * Feeds a quote: market orders fill at the touch, resting limits that the touch crosses fill at their price.
     * For a perpetual the quote's last price is the mark, and the quote's time the venue's clock: funding due by
     * then is settled first, at that mark (the first quote at or after a funding time settles it), then a position
     * whose liquidation price the mark reached is liquidated there, at the mark (a quote is a jump from the one
     * before, as a gap is on a bar's path), before any order of the account fills.
     *
     * @param ticker a quote of one of the venue's instruments
     * @return the fills the quote caused, in order
     */
    public synchronized List<Fill> onTicker(Ticker ticker) {
        List<Fill> out = new ArrayList<>();
        Instrument instrument = instrument(ticker.symbol());
        advanceTo(ticker.time());
        lastQuote.put(ticker.symbol(), ticker);
        lastPrice.put(ticker.symbol(), ticker.last());
        rememberMarket(ticker.symbol());
        collecting = out;
        try {
            if (instrument.isDerivative()) markPerpetual(instrument, ticker);
            for (Iterator<Order> it = pendingMarket.iterator(); it.hasNext(); ) {
                Order o = it.next();
                if (o.symbol().equals(ticker.symbol())) {
                    it.remove();
                    BigDecimal touch = o.side() == Side.BUY ? ticker.ask() : ticker.bid();
                    execute(o, o.type() == OrderType.MARKET ? execPrice(o.side(), touch, instrument) : touch, false);
                }
            }
            for (Order o : resting.takeCrossed(ticker.symbol(), ticker.ask(), ticker.bid())) {
                execute(o, o.limitPrice().orElseThrow(), true);
                Order after = orders.get(o.clientOrderId());
                if (after != null && after.status().isOpen()) resting.add(after);
            }
        } finally {
            collecting = null;
        }
        if (!out.isEmpty()) persist();
        return out;
    }

    /** A quote of a perpetual: the funding due by its time, then liquidation where its last price reached the position's liquidation price. */
    private void markPerpetual(Instrument instrument, Ticker ticker) {
        settleFunding(instrument, ticker.time(), ticker.last());
        BigDecimal held = perpetuals.quantity(instrument);
        if (held.signum() == 0) return;
        Optional<BigDecimal> liquidation = perpetuals.liquidationPrice(instrument);
        if (liquidation.isPresent() && IsolatedMargin.reaches(held, ticker.last(), liquidation.get())) {
            liquidate(instrument, ticker.last());
            persist();
        }
    }

    /**
     * The order with a client order id, open or finished.
     *
     * @param clientOrderId the id
     * @return the order as it stands, or empty when the venue never had it or has forgotten it (see {@link #keepFinishedOrders})
     */
    public synchronized Optional<Order> order(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    /**
     * The open orders of a symbol.
     *
     * @param symbol the symbol
     * @return the orders in the order they were placed; a new list
     */
    public synchronized List<Order> openOrders(String symbol) {
        List<Order> out = new ArrayList<>();
        for (Order o : orders.values()) if (o.symbol().equals(symbol) && o.status().isOpen()) out.add(o);
        return out;
    }

    /**
     * Every order the venue keeps: the open ones and the finished ones it has not forgotten (see {@link #keepFinishedOrders}).
     *
     * @return the orders in the order they were placed; a new list
     */
    public synchronized List<Order> allOrders() {
        return new ArrayList<>(orders.values());
    }

    /**
     * The fills of a symbol at or after a time.
     *
     * @param symbol the symbol
     * @param since the earliest fill time included
     * @return the fills, oldest first; a new list
     */
    public synchronized List<Fill> fills(String symbol, Instant since) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : fills) if (f.symbol().equals(symbol) && !f.time().isBefore(since)) out.add(f);
        return out;
    }

    /**
     * The account's balances, free and locked, per asset.
     *
     * @return the balances sorted by asset; a new list
     */
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
     *
     * @param store the venue's own store (never a bot's journal)
     * @return this engine
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
        config.forEach((k, v) -> {
            if (k.startsWith("paper.leverage.")) perpetuals.setLeverage(instrument(k.substring("paper.leverage.".length())), new BigDecimal(v));
            // A book from before funding was journaled payment by payment keeps its total so far here.
            if (k.startsWith(LEGACY_FUNDING_KEY)) free.merge(k.substring(LEGACY_FUNDING_KEY.length()), new BigDecimal(v).negate(), BigDecimal::add);
            if (k.startsWith(NEXT_FUNDING_KEY)) perpetuals.resumeFundingAt(k.substring(NEXT_FUNDING_KEY.length()), Instant.parse(v));
        });
        for (Fill f : store.fills()) {
            Instrument inst = instrument(f.symbol());
            BigDecimal notional = f.price().multiply(f.quantity());
            if (inst.isDerivative()) {
                PerpetualBook.Change change = perpetuals.apply(f, inst);
                free.merge(inst.quoteAsset(), change.walletDelta().subtract(change.marginDelta()), BigDecimal::add);
                locked.merge(inst.quoteAsset(), change.marginDelta(), BigDecimal::add);
            } else if (f.side() == Side.BUY) {
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
        for (FundingPayment p : store.fundingPayments()) {
            Instrument inst = instrument(p.symbol());
            free.merge(inst.quoteAsset(), p.amount().negate(), BigDecimal::add);
            perpetuals.restore(inst, p);
            fundingPayments.add(p);
        }
        config.forEach((k, v) -> {
            if (k.startsWith("paper.last.")) lastPrice.put(k.substring("paper.last.".length()), new BigDecimal(v));
            if (k.startsWith("paper.path.")) interrupted.put(k.substring("paper.path.".length()), PathMark.decode(v));
        });
        // paper.now is written at bar ends and stops with fills; a process killed inside a bar may have stamped order
        // changes later than that. The clock resumes at the latest of them, never before something it recorded.
        if (config.containsKey("paper.now")) {
            Instant saved = Instant.parse(config.get("paper.now"));
            if (saved.isAfter(now)) now = saved;
        }
        config.forEach((k, v) -> {
            if (k.startsWith("paper.closed.")) closedUntil.put(k.substring("paper.closed.".length()), Instant.parse(v));
        });
        // A book written before each symbol kept its own: its one clock says how far every symbol it priced was played.
        for (String symbol : lastPrice.keySet()) closedUntil.putIfAbsent(symbol, now);
        List<Order> interrupted = new ArrayList<>();
        Map<String, BigDecimal> filledByOrder = new HashMap<>();
        for (Fill f : fills) filledByOrder.merge(f.clientOrderId(), f.quantity(), BigDecimal::add);
        for (Order stored : store.orders()) {
            Order o = stored;
            if (o.updatedAt().isAfter(now)) now = o.updatedAt();
            BigDecimal filled = filledByOrder.getOrDefault(o.clientOrderId(), BigDecimal.ZERO);
            if (o.status().isOpen() && filled.compareTo(o.quantity()) >= 0) {
                // The fill is in the book but the order's FILLED status was lost with the process: the fills decide.
                o = o.withFilled(filled, o.averageFillPrice(), OrderStatus.FILLED, o.updatedAt());
                store.updateOrder(o);
            }
            orders.put(o.clientOrderId(), o);
            sequence = Math.max(sequence, numericTail(o.venueOrderId().orElse("0")));
            if (!o.status().isOpen()) {
                retire(o);
                continue;
            }
            Instrument inst = instrument(o.symbol());
            if (o.type() == OrderType.MARKET) {
                // Accepted, but the process stopped before it filled: fill it as it would have been.
                if (settings.fillModel() == FillModel.CLOSE && lastPrice.containsKey(o.symbol())) interrupted.add(o);
                else pendingMarket.add(o);
                continue;
            }
            BigDecimal lock = fundsNeeded(inst, o.side(), o.remainingQuantity(), o.limitPrice().orElseThrow());
            move(free, locked, lockAsset(inst, o.side()), lock);
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
        Instant closed = closedUntil.get(symbol);
        if (closed != null) book.putConfig("paper.closed." + symbol, closed.toString());
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

    /** Where a taker order placed now fills: a market order slips, a marketable limit takes the reference price (never past its limit). */
    private BigDecimal fillPrice(OrderRequest request, BigDecimal reference, Instrument instrument) {
        if (request.type() == OrderType.MARKET) return execPrice(request.side(), reference, instrument);
        BigDecimal limit = request.limitPrice().orElseThrow();
        return request.side() == Side.BUY ? reference.min(limit) : reference.max(limit);
    }

    /** What an order locks: a spot buy its cost with the fee, a spot sell its base quantity, a perpetual the margin of what it opens with the fee. */
    private BigDecimal fundsNeeded(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        BigDecimal feeBps = settings.takerFeeBps().max(settings.makerFeeBps());
        if (instrument.isDerivative()) {
            // Closing needs no funds: its fee comes out of the margin the close releases.
            BigDecimal opening = perpetuals.openingQuantity(instrument, side, quantity);
            BigDecimal fee = instrument.notional(opening, price).multiply(feeBps).divide(BPS, MathContext.DECIMAL64);
            return perpetuals.initialMargin(instrument, opening, price).add(fee);
        }
        if (side == Side.SELL) return quantity;
        BigDecimal notional = quantity.multiply(price);
        BigDecimal fee = notional.multiply(feeBps);
        // Basis points to a fraction by moving the point, exact; a division only when the product is too long to keep.
        return notional.add(fee.precision() <= 16 ? fee.movePointLeft(4) : fee.divide(BPS, MathContext.DECIMAL64));
    }

    /** The asset an order's funds are locked in: a perpetual's margin is always the quote asset. */
    private static String lockAsset(Instrument instrument, Side side) {
        return instrument.isDerivative() || side == Side.BUY ? instrument.quoteAsset() : instrument.baseAsset();
    }

    /**
     * Fills what it can of {@code order} at {@code price}: its remaining quantity, less if the bar's
     * participation cap is reached (the rest stays open) or, for a buy, if the account cannot pay at this
     * price (a market buy is re-sized to what it can pay and the rest cancelled; one too small to trade is
     * refused). Returns the fill, or null when nothing filled.
     */
    private Fill execute(Order order, BigDecimal price, boolean maker) {
        Instrument instrument = instrument(order.symbol());
        if (instrument.isDerivative()) {
            return executePerpetual(order, instrument, price, maker, maker ? makerFeeRate : takerFeeRate);
        }
        String base = instrument.baseAsset();
        String quote = instrument.quoteAsset();
        BigDecimal feeRate = maker ? makerFeeRate : takerFeeRate;
        BigDecimal costFactor = maker ? makerCostFactor : takerCostFactor;
        BigDecimal qty = order.remainingQuantity();
        boolean capped = false;
        BigDecimal budget = volumeLeft.get(order.symbol());
        if (budget != null && settings.participationCap().signum() > 0) {
            BigDecimal allowed = floorToStep(budget, instrument);
            if (allowed.compareTo(qty) < 0) {
                qty = allowed;
                capped = true;
            }
            if (qty.signum() <= 0) return null;
        }
        BigDecimal lockedAmount = lockedByOrder.getOrDefault(order.clientOrderId(), BigDecimal.ZERO);
        String shortOfFunds = null;
        if (order.side() == Side.BUY) {
            BigDecimal canPay = lockedAmount.add(free.getOrDefault(quote, BigDecimal.ZERO));
            BigDecimal cost = price.multiply(qty).multiply(costFactor);
            if (cost.compareTo(canPay) > 0) {
                BigDecimal affordable = floorToStep(canPay.divide(price.multiply(costFactor), MathContext.DECIMAL64), instrument);
                shortOfFunds = "funds at the fill price " + price.stripTrailingZeros().toPlainString() + " pay for "
                        + affordable.stripTrailingZeros().toPlainString() + " of " + qty.stripTrailingZeros().toPlainString();
                qty = affordable;
                if (!tradable(instrument, qty, price)) {
                    finish(order.clientOrderId(), OrderStatus.REJECTED, "insufficient funds: " + shortOfFunds + ", below the instrument's minimum");
                    return null;
                }
            }
        }
        BigDecimal notional = price.multiply(qty);
        BigDecimal fee = notional.multiply(feeRate);
        if (order.side() == Side.BUY) {
            BigDecimal cost = notional.add(fee);
            BigDecimal fromLock = lockedAmount.min(cost);
            locked.merge(quote, fromLock.negate(), BigDecimal::add);
            free.merge(quote, fromLock.subtract(cost), BigDecimal::add);
            free.merge(base, qty, BigDecimal::add);
            lockedByOrder.put(order.clientOrderId(), lockedAmount.subtract(fromLock));
        } else {
            BigDecimal fromLock = lockedAmount.min(qty);
            locked.merge(base, fromLock.negate(), BigDecimal::add);
            free.merge(base, fromLock.subtract(qty), BigDecimal::add);
            free.merge(quote, notional.subtract(fee), BigDecimal::add);
            lockedByOrder.put(order.clientOrderId(), lockedAmount.subtract(fromLock));
        }
        if (budget != null) volumeLeft.put(order.symbol(), budget.subtract(qty));
        Fill fill = new Fill("T" + (++sequence), order.clientOrderId(), order.venueOrderId().orElseThrow(), order.symbol(),
                order.side(), price, qty, fee, quote, now, maker);
        Order done = recordFill(order, fill);
        boolean complete = done.status() == OrderStatus.FILLED;
        listener.onFill(fill);
        listener.onOrder(done);
        if (!complete && shortOfFunds != null && !capped) {
            finish(order.clientOrderId(), OrderStatus.CANCELED, "re-sized: " + shortOfFunds);
        }
        return fill;
    }

    /**
     * Books {@code fill} of {@code order}: the venue's fills, the order's filled quantity and average price (an
     * order's first fill gives both as they are), its lock released once it is complete, and the durable book.
     * Returns the order after the fill.
     */
    private Order recordFill(Order order, Fill fill) {
        fills.add(fill);
        if (collecting != null) collecting.add(fill);
        BigDecimal before = order.filledQuantity();
        BigDecimal filled = before.signum() == 0 ? fill.quantity() : before.add(fill.quantity());
        BigDecimal average = before.signum() == 0 ? fill.price()
                : order.averageFillPrice().multiply(before).add(fill.notional()).divide(filled, MathContext.DECIMAL64);
        boolean complete = filled.compareTo(order.quantity()) >= 0;
        Order done = order.withFilled(filled, average, complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, now);
        orders.put(order.clientOrderId(), done);
        if (complete) {
            releaseLock(done);
            retire(done);
        }
        if (book != null) {
            book.recordFill(fill);
            book.updateOrder(done);
        }
        return done;
    }

    private void releaseLock(Order order) {
        BigDecimal left = lockedByOrder.remove(order.clientOrderId());
        if (left == null || left.signum() == 0) return;
        move(locked, free, lockAsset(instrument(order.symbol()), order.side()), left);
    }

    private static BigDecimal floorToStep(BigDecimal quantity, Instrument instrument) {
        BigDecimal step = instrument.stepSize();
        if (quantity.signum() <= 0) return BigDecimal.ZERO;
        return quantity.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }

    private static boolean tradable(Instrument instrument, BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() <= 0) return false;
        try {
            instrument.check(quantity, price, false);
            return true;
        } catch (OrderRejectedException e) {
            return false;
        }
    }

    private Order finish(String clientOrderId, OrderStatus status, String reason) {
        Order order = orders.get(clientOrderId);
        BigDecimal lockedAmount = lockedByOrder.remove(clientOrderId);
        if (lockedAmount != null) {
            move(locked, free, lockAsset(instrument(order.symbol()), order.side()), lockedAmount);
        }
        Order done = order.withStatus(status, now, Optional.of(reason));
        orders.put(clientOrderId, done);
        retire(done);
        if (book != null) book.updateOrder(done);
        listener.onOrder(done);
        return done;
    }

    /**
     * Keeps only the newest {@code count} finished orders (filled, canceled, expired) for lookups by client order id,
     * forgetting older ones as they finish; every order is kept until this is called. Open orders are always kept. A
     * forgotten order is unknown to {@link #order}, {@link #cancel} and {@link #allOrders}, and its client order id no
     * longer counts as a duplicate.
     *
     * @param count how many finished orders to keep; at least 1
     * @throws InvalidInputException if {@code count} is below 1
     */
    public synchronized void keepFinishedOrders(int count) {
        if (count < 1) throw new InvalidInputException("paper exchange: keep at least 1 finished order, got " + count);
        finishedKept = count;
        finished.clear();
        for (Order o : orders.values()) if (!o.status().isOpen()) finished.addLast(o.clientOrderId());
        forgetOldestFinished();
    }

    /** Counts {@code done}, just finished, among the finished orders kept, and forgets the oldest beyond the limit. */
    private void retire(Order done) {
        if (finishedKept == Integer.MAX_VALUE) return;
        finished.addLast(done.clientOrderId());
        forgetOldestFinished();
    }

    private void forgetOldestFinished() {
        while (finished.size() > finishedKept) orders.remove(finished.pollFirst());
    }

    private static void move(Map<String, BigDecimal> from, Map<String, BigDecimal> to, String asset, BigDecimal amount) {
        from.merge(asset, amount.negate(), BigDecimal::add);
        to.merge(asset, amount, BigDecimal::add);
    }
}
