package io.tradekit.core.paper;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.sizing.OrderRounding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in venue {@code paper}: fills simulated by the {@link MatchingEngine}. Market data comes
 * either from the caller ({@link #onBar}, {@link #onTicker}: backtests and replays) or from a real
 * venue's streams ({@link #overMarketData}: paper trading on live data), and in both cases the engine
 * sees the data before the bot does, so that resting orders fill on the bar that crosses them. A driver
 * that owns the data plays each bar as a price path ({@link #play}), stopping wherever something fills.
 *
 * <p>Several bots can share one paper account, each with its budget: each takes its own handle on it
 * ({@link #sameAccount()}), and every handle's bot hears every event of the account (a bot leaves the fills
 * and orders of other bots alone by their client order ids).
 *
 * <p>A {@link #durable} venue commits each stop of the path in one transaction: its fills, its order changes, and
 * where along the bar the path stood (the bar, the point it moved toward, the price it stopped at). Killed inside a
 * bar and restarted, it goes on with that bar from that place, never from its open: the restarted bot first
 * reconciles and answers the fills it had not heard of (its counter-orders are placed where the fills happened),
 * then the rest of the path meets them, exactly as in a run that was never interrupted. Rolling both books back to
 * the last bar mark instead would need the venue to forget fills it reported, which no real venue does.
 */
public final class PaperExchange implements ExchangeAdapter {

    private final MatchingEngine engine;
    private final ExchangeAdapter marketData;
    private volatile EventSink sink = event -> { };
    private io.tradekit.core.store.SqliteStateStore book;
    /** Every handle on this account (see {@link #sameAccount()}): each one's bot hears the account's events. */
    private final java.util.List<PaperExchange> handles;
    /** The handle that keeps the account's book: every handle's changes become durable through it ({@link #durably}). */
    private final PaperExchange owner;
    /** Held by the owner while one change to a durable book runs: no other change joins its commit. */
    private final Object steps = new Object();
    /** What the owner's running change told, posted once the change is durable; null outside a change. */
    private java.util.List<Event> untilDurable;

    /**
     * A paper venue in memory, fed by its caller ({@link #onBar}, {@link #play}, {@link #onTicker}).
     *
     * @param settings the venue's instruments, balances, fees, slippage and fill model
     */
    public PaperExchange(PaperSettings settings) {
        this(settings, null);
    }

    private PaperExchange(PaperSettings settings, ExchangeAdapter marketData) {
        this.engine = new MatchingEngine("paper", settings);
        this.marketData = marketData;
        this.handles = new java.util.concurrent.CopyOnWriteArrayList<>(java.util.List.of(this));
        this.owner = this;
        engine.setListener(new MatchingEngine.Listener() {
            @Override
            public void onOrder(Order order) {
                post(new Event.OrderUpdated(OrderUpdate.of(order, order.updatedAt())));
            }

            @Override
            public void onFill(Fill fill) {
                post(new Event.FillReceived(fill));
            }

            @Override
            public void onFunding(io.tradekit.api.FundingPayment payment) {
                post(new Event.FundingSettled(payment));
            }

            @Override
            public void onLiquidation(Order order, Fill fill) {
                post(new Event.PositionLiquidated(order, fill));
            }

            @Override
            public void onPrice(String symbol, java.math.BigDecimal price, Instant time) {
                // The bot sees the price where the path stopped, as a live bot sees a ticker, before the fills there.
                post(new Event.TickerUpdated(new Ticker(symbol, time, price, price, price)));
            }
        });
    }

    /** A further handle on {@code owner}'s account: no market data source and no book of its own, the owner keeps both. */
    private PaperExchange(PaperExchange owner) {
        this.engine = owner.engine;
        this.marketData = null;
        this.handles = owner.handles;
        this.owner = owner;
        handles.add(this);
    }

    /** Inside a change of a durable book ({@link #durably}, this thread holds its lock) the event waits for the commit. */
    private void post(Event event) {
        PaperExchange keeper = owner;
        // A venue in memory never opens a commit: the field, seen first, spares it asking for the lock on every event.
        if (keeper.untilDurable != null && Thread.holdsLock(keeper.steps)) keeper.untilDurable.add(event);
        else tell(event);
    }

    /** Every handle's bot hears {@code event}. */
    private void tell(Event event) {
        for (PaperExchange handle : handles) handle.sink.post(event);
    }

    /**
     * Runs one change of the account (an order placed, amended or cancelled, a step of a bar's path) so that a durable
     * book has committed it before any bot hears of it: as a real venue, this one never reports a fill or an accepted
     * order it could lose, and what it acknowledged survives its process. Changes run one at a time, so that an order
     * placed while a step of the path commits does not join that commit (and an answer that the commit is not yet durable).
     * A venue in memory just runs the change.
     */
    private <T> T durably(java.util.function.Supplier<T> change) {
        PaperExchange keeper = owner;
        if (keeper.book == null) return change.get();
        synchronized (keeper.steps) {
            if (keeper.untilDurable != null) return change.get(); // inside a change already: it commits with that one
            keeper.untilDurable = new java.util.ArrayList<>();
            try {
                return change.get();
            } finally {
                try {
                    keeper.book.flush();
                } finally {
                    java.util.List<Event> told = keeper.untilDurable;
                    keeper.untilDurable = null;
                    told.forEach(this::tell);
                }
            }
        }
    }

    /** No book: a change is done when it returns, and runs without {@link #durably}'s wrapping (a backtest's hot path). */
    private boolean inMemory() {
        return owner.book == null;
    }

    private void durably(Runnable change) {
        durably(() -> {
            change.run();
            return null;
        });
    }

    /**
     * Another handle on this very account, for a second bot that shares it (give each bot a
     * {@link io.tradekit.core.BotBuilder#budget budget}). The account's events reach every handle's bot; closing this
     * handle only stops them reaching it, the account stays with the handle it was taken from.
     *
     * @return a new handle on the same account and matching engine
     */
    public PaperExchange sameAccount() {
        return new PaperExchange(this);
    }

    /**
     * A paper venue whose book and account live in their own SQLite file and survive restarts, like a
     * real venue outlives the bots that trade on it.
     *
     * @param settings the venue's settings; the account starts from them only when the file holds no account yet
     * @param bookFile the SQLite file of the venue's book and account, created when missing
     * @return the venue
     */
    public static PaperExchange durable(PaperSettings settings, java.nio.file.Path bookFile) {
        PaperExchange paper = new PaperExchange(settings, null);
        paper.book = io.tradekit.core.store.StateStores.sqlite(bookFile);
        paper.engine.keepBookIn(paper.book);
        return paper;
    }

    /**
     * Paper trading on a real venue's market data: orders never reach that venue.
     *
     * @param source the real venue whose market data streams feed the paper venue and the bot
     * @param settings the paper venue's settings
     * @return the venue, in memory
     */
    public static PaperExchange overMarketData(ExchangeAdapter source, PaperSettings settings) {
        return new PaperExchange(settings, source);
    }

    /**
     * Paper trading on a real venue's market data with the book and account in their own SQLite file, so
     * that a paper bot can be stopped and resumed like a live one: orders never reach that venue.
     *
     * @param source the real venue whose market data streams feed the paper venue and the bot
     * @param settings the paper venue's settings
     * @param bookFile the SQLite file of the venue's book and account, created when missing
     * @return the venue
     */
    public static PaperExchange overMarketData(ExchangeAdapter source, PaperSettings settings, java.nio.file.Path bookFile) {
        PaperExchange paper = new PaperExchange(settings, source);
        paper.book = io.tradekit.core.store.StateStores.sqlite(bookFile);
        paper.engine.keepBookIn(paper.book);
        return paper;
    }

    /**
     * The matching engine behind this venue (shared by every handle on the account).
     *
     * @return the engine
     */
    public MatchingEngine matchingEngine() {
        return engine;
    }

    /**
     * Feeds a bar to the matching engine in one go; its order updates and fills go to the connected sink.
     *
     * @param bar a closed bar of one of the venue's instruments
     */
    public void onBar(Bar bar) {
        if (inMemory()) engine.onBar(bar);
        else durably(() -> engine.onBar(bar));
    }

    /** What a driver does each time a bar's path stops: let the bot answer what it was just told. */
    @FunctionalInterface
    public interface Settle {
        /**
         * Returns once the bot has handled everything it was sent and its calls to this venue have come back.
         *
         * @param marketTime the market time the path stopped at
         */
        void settle(Instant marketTime);
    }

    /**
     * Plays {@code bar} as its price path ({@link PricePoint#pathOf}) and calls {@code settle} after
     * every step, so that the bot hears of a fill where the path reached the order and what it sends
     * there meets the rest of the same bar. Backtests settle by draining their loop, replays by waiting
     * until the bot's loop is idle.
     *
     * @param bar a closed bar of one of the venue's instruments
     * @param settle called after every step; it must return only when the bot is done with what it was told
     */
    public void play(Bar bar, Settle settle) {
        play(bar, bar.closeTime(), settle);
    }

    /**
     * {@link #play(Bar, Settle)} for a driver that has the bar's {@link Bar#closeTime() close time} already: a backtest
     * makes that instant once per bar and shares it, instead of every step making its own.
     *
     * @param bar a closed bar of one of the venue's instruments
     * @param closeTime {@code bar.closeTime()}, made once by the driver
     * @param settle called after every step; it must return only when the bot is done with what it was told
     */
    public void play(Bar bar, Instant closeTime, Settle settle) {
        int first = -1;
        if (inMemory()) {
            // A backtest's common bar: not played before and nothing on its path to meet, answered under one lock.
            if (engine.playedOrQuiet(bar, closeTime)) return;
        } else {
            // A bar played to its end before a restart is not played again: its path would meet orders placed since.
            if (engine.hasPlayed(bar, closeTime)) return;
            first = book == null ? -1 : engine.resumeBar(bar);
            if (first >= 0) {
                // Inside this bar when the process ended: the bot answers what it heard there (the fills it reconciled) first.
                settle.settle(engine.now());
            } else if (durably(() -> engine.playIfQuiet(bar, closeTime))) {
                return; // nothing rests, waits or is watched: no point of the path can fill or tell the bot anything
            }
        }
        PricePoint[] path = PricePoint.pathOf(bar, closeTime);
        for (int i = Math.max(first, 0); i < path.length; i++) {
            PricePoint point = path[i];
            boolean reached;
            do {
                reached = book == null ? engine.advance(bar.symbol(), point) : advanceDurably(bar, i, point);
                settle.settle(point.time());
            } while (!reached);
        }
        if (inMemory()) engine.endBar(bar, closeTime);
        else durably(() -> engine.endBar(bar, closeTime));
    }

    /**
     * Plays bars of several symbols that close at the same time, their paths side by side: every open first, then
     * every first extreme, every second one, every close, each step in the order of {@code closingTogether}, so that
     * the market's clock only moves forward and a fill in any of them is stamped where its path reached it. A single
     * bar is played as {@link #play(Bar, Settle)} plays it.
     *
     * @param closingTogether the bars, of different symbols, that close at the same time
     * @param settle called after every step; it must return only when the bot is done with what it was told
     */
    public void play(java.util.List<Bar> closingTogether, Settle settle) {
        if (closingTogether.size() == 1) {
            play(closingTogether.get(0), settle);
            return;
        }
        java.util.List<Bar> playing = new java.util.ArrayList<>();
        for (Bar bar : closingTogether) if (!engine.hasPlayed(bar)) playing.add(bar);
        java.util.List<PricePoint[]> paths = new java.util.ArrayList<>();
        for (Bar bar : playing) {
            engine.beginBar(bar);
            paths.add(PricePoint.pathOf(bar));
        }
        for (int step = 0; step < 4; step++) {
            for (int i = 0; i < playing.size(); i++) {
                PricePoint point = paths.get(i)[step];
                boolean reached;
                do {
                    String symbol = playing.get(i).symbol();
                    reached = inMemory() ? engine.advance(symbol, point) : durably(() -> engine.advance(symbol, point));
                    settle.settle(point.time());
                } while (!reached);
            }
        }
        for (Bar bar : playing) {
            if (inMemory()) engine.endBar(bar);
            else durably(() -> engine.endBar(bar));
        }
    }

    /** One step of the path whose fills, order changes and place on the path the book commits together. */
    private boolean advanceDurably(Bar bar, int index, PricePoint point) {
        boolean[] reached = new boolean[1];
        durably(() -> book.inOneCommit(() -> {
            engine.towardPoint(bar, index);
            reached[0] = engine.advance(bar.symbol(), point);
        }));
        return reached[0];
    }

    /**
     * The bot's stop and take-profit levels: the path stops where it crosses them (see {@link MatchingEngine#watch}).
     *
     * @param symbol the symbol
     * @param levels the prices at which a path stops; they replace the symbol's levels watched before
     */
    public void watch(String symbol, java.util.Collection<java.math.BigDecimal> levels) {
        engine.watch(symbol, levels);
    }

    /**
     * Feeds a ticker to the matching engine: market orders waiting for a price fill at it, resting orders it crosses fill.
     *
     * @param ticker the ticker of one of the venue's instruments
     */
    public void onTicker(Ticker ticker) {
        if (inMemory()) engine.onTicker(ticker);
        else durably(() -> engine.onTicker(ticker));
    }

    @Override
    public String venue() {
        return "paper";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS, Capability.POST_ONLY, Capability.CANCEL_ALL, Capability.AMEND_QUANTITY,
                Capability.MARKET_BY_QUOTE);
    }

    @Override
    public void connect(EventSink target) {
        this.sink = target;
        if (marketData != null) {
            marketData.connect(event -> {
                switch (event) {
                    case Event.BarClosed b -> durably(() -> engine.onBar(b.bar()));
                    case Event.TickerUpdated t -> durably(() -> engine.onTicker(t.ticker()));
                    default -> {
                    }
                }
                // Account events of the data venue do not concern a paper account.
                if (!(event instanceof Event.OrderUpdated) && !(event instanceof Event.FillReceived)) target.post(event);
            });
        }
    }

    @Override
    public Instrument instrument(String symbol) {
        return engine.instrument(symbol);
    }

    @Override
    public Instant serverTime() {
        return marketData != null ? marketData.serverTime() : engine.now();
    }

    @Override
    public List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to) {
        return marketData != null ? marketData.history(symbol, timeframe, from, to) : List.of();
    }

    @Override
    public void subscribeBars(String symbol, Timeframe timeframe) {
        if (marketData != null) marketData.subscribeBars(symbol, timeframe);
    }

    @Override
    public void subscribeTicker(String symbol) {
        if (marketData != null) marketData.subscribeTicker(symbol);
    }

    /**
     * Follows the data venue's order book, as the venue shows it: the paper account's own orders are not in
     * it. Without a data venue (replays, backtests) there is no book, and it is refused.
     */
    @Override
    public void subscribeOrderBook(String symbol) {
        if (marketData == null) {
            ExchangeAdapter.super.subscribeOrderBook(symbol);
        } else {
            marketData.subscribeOrderBook(symbol);
        }
    }

    @Override
    public OrderAck place(OrderRequest request) {
        return inMemory() ? engine.submit(request) : durably(() -> engine.submit(request));
    }

    /** Lowers a resting order's quantity; it keeps its place in the queue (see {@link MatchingEngine#reduceRestingQuantity}). */
    @Override
    public Order amendQuantity(String symbol, String clientOrderId, BigDecimal newQuantity) {
        return durably(() -> engine.reduceRestingQuantity(symbol, clientOrderId, newQuantity));
    }

    /**
     * A market order sized from a quote amount at the price it would fill at now: a BUY buys the most base,
     * rounded down to the step, whose cost with the taker fee stays within {@code quoteAmount}; a SELL sells
     * the base worth {@code quoteAmount} at that price, rounded down to the step.
     */
    @Override
    public OrderAck placeMarketByQuote(String clientOrderId, String symbol, Side side, BigDecimal quoteAmount) {
        if (quoteAmount == null || quoteAmount.signum() <= 0) {
            throw new InvalidInputException("paper " + symbol + ": quote amount must be positive, got " + quoteAmount);
        }
        BigDecimal price = engine.marketFillPrice(symbol, side).orElseThrow(() -> new OrderRejectedException(ErrorCategory.VENUE_UNAVAILABLE,
                "NO_PRICE", symbol + ": no market price yet for a market order by quote amount"));
        BigDecimal unitCost = side == Side.BUY ? price.multiply(BigDecimal.ONE.add(engine.takerFeeRate())) : price;
        BigDecimal quantity = OrderRounding.quantityDown(quoteAmount.divide(unitCost, MathContext.DECIMAL64), engine.instrument(symbol));
        return durably(() -> engine.submit(new OrderRequest(clientOrderId, symbol, side, OrderType.MARKET, quantity, Optional.empty(),
                TimeInForce.GTC, false)));
    }

    @Override
    public void cancel(String symbol, String clientOrderId) {
        if (inMemory()) engine.cancel(symbol, clientOrderId);
        else durably(() -> engine.cancel(symbol, clientOrderId));
    }

    @Override
    public int cancelAll(String symbol) {
        return durably(() -> engine.cancelAll(symbol));
    }

    @Override
    public Optional<Order> lookup(String symbol, String clientOrderId) {
        return engine.order(clientOrderId).filter(o -> o.symbol().equals(symbol));
    }

    @Override
    public List<Order> openOrders(String symbol) {
        return engine.openOrders(symbol);
    }

    @Override
    public List<Fill> fills(String symbol, Instant since) {
        return engine.fills(symbol, since);
    }

    @Override
    public List<Balance> balances() {
        return engine.balances();
    }

    @Override
    public Optional<io.tradekit.api.Position> position(String symbol) {
        return engine.position(symbol);
    }

    @Override
    public List<io.tradekit.api.FundingPayment> fundingPayments(String symbol, Instant since) {
        return engine.fundingPayments(symbol, since);
    }

    @Override
    public void setLeverage(String symbol, java.math.BigDecimal leverage) {
        durably(() -> engine.setLeverage(symbol, leverage));
    }

    @Override
    public void close() {
        if (handles.get(0) != this) {
            handles.remove(this);
            return;
        }
        if (marketData != null) marketData.close();
        if (book != null) book.close();
    }
}
