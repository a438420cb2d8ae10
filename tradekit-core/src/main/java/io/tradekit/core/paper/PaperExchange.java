package io.tradekit.core.paper;

import io.tradekit.api.Balance;
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

    public PaperExchange(PaperSettings settings) {
        this(settings, null);
    }

    private PaperExchange(PaperSettings settings, ExchangeAdapter marketData) {
        this.engine = new MatchingEngine("paper", settings);
        this.marketData = marketData;
        engine.setListener(new MatchingEngine.Listener() {
            @Override
            public void onOrder(Order order) {
                sink.post(new Event.OrderUpdated(OrderUpdate.of(order, order.updatedAt())));
            }

            @Override
            public void onFill(Fill fill) {
                sink.post(new Event.FillReceived(fill));
            }

            @Override
            public void onFunding(io.tradekit.api.FundingPayment payment) {
                sink.post(new Event.FundingSettled(payment));
            }

            @Override
            public void onLiquidation(Order order, Fill fill) {
                sink.post(new Event.PositionLiquidated(order, fill));
            }

            @Override
            public void onPrice(String symbol, java.math.BigDecimal price, Instant time) {
                // The bot sees the price where the path stopped, as a live bot sees a ticker, before the fills there.
                sink.post(new Event.TickerUpdated(new Ticker(symbol, time, price, price, price)));
            }
        });
    }

    /**
     * A paper venue whose book and account live in their own SQLite file and survive restarts, like a
     * real venue outlives the bots that trade on it.
     */
    public static PaperExchange durable(PaperSettings settings, java.nio.file.Path bookFile) {
        PaperExchange paper = new PaperExchange(settings, null);
        paper.book = io.tradekit.core.store.StateStores.sqlite(bookFile);
        paper.engine.keepBookIn(paper.book);
        return paper;
    }

    /** Paper trading on a real venue's market data: orders never reach that venue. */
    public static PaperExchange overMarketData(ExchangeAdapter source, PaperSettings settings) {
        return new PaperExchange(settings, source);
    }

    /**
     * Paper trading on a real venue's market data with the book and account in their own SQLite file, so
     * that a paper bot can be stopped and resumed like a live one: orders never reach that venue.
     */
    public static PaperExchange overMarketData(ExchangeAdapter source, PaperSettings settings, java.nio.file.Path bookFile) {
        PaperExchange paper = new PaperExchange(settings, source);
        paper.book = io.tradekit.core.store.StateStores.sqlite(bookFile);
        paper.engine.keepBookIn(paper.book);
        return paper;
    }

    public MatchingEngine matchingEngine() {
        return engine;
    }

    /** Feeds a bar to the matching engine in one go; its order updates and fills go to the connected sink. */
    public void onBar(Bar bar) {
        engine.onBar(bar);
    }

    /** What a driver does each time a bar's path stops: let the bot answer what it was just told. */
    @FunctionalInterface
    public interface Settle {
        /** Returns once the bot has handled everything it was sent and its calls to this venue have come back. */
        void settle(Instant marketTime);
    }

    /**
     * Plays {@code bar} as its price path ({@link PricePoint#pathOf}) and calls {@code settle} after
     * every step, so that the bot hears of a fill where the path reached the order and what it sends
     * there meets the rest of the same bar. Backtests settle by draining their loop, replays by waiting
     * until the bot's loop is idle.
     */
    public void play(Bar bar, Settle settle) {
        // A bar played to its end before a restart is not played again: its path would meet orders placed since.
        if (engine.hasPlayed(bar)) return;
        int first = book == null ? -1 : engine.resumeBar(bar);
        if (first >= 0) {
            // Inside this bar when the process ended: the bot answers what it heard there (the fills it reconciled) first.
            settle.settle(engine.now());
        } else if (engine.playIfQuiet(bar)) {
            return; // nothing rests, waits or is watched: no point of the path can fill or tell the bot anything
        }
        PricePoint[] path = PricePoint.pathOf(bar);
        for (int i = Math.max(first, 0); i < path.length; i++) {
            PricePoint point = path[i];
            boolean reached;
            do {
                reached = book == null ? engine.advance(bar.symbol(), point) : advanceDurably(bar, i, point);
                settle.settle(point.time());
            } while (!reached);
        }
        engine.endBar(bar);
    }

    /** One step of the path whose fills, order changes and place on the path the book commits together. */
    private boolean advanceDurably(Bar bar, int index, PricePoint point) {
        boolean[] reached = new boolean[1];
        book.inOneCommit(() -> {
            engine.towardPoint(bar, index);
            reached[0] = engine.advance(bar.symbol(), point);
        });
        return reached[0];
    }

    /** The bot's stop and take-profit levels: the path stops where it crosses them (see {@link MatchingEngine#watch}). */
    public void watch(String symbol, java.util.Collection<java.math.BigDecimal> levels) {
        engine.watch(symbol, levels);
    }

    public void onTicker(Ticker ticker) {
        engine.onTicker(ticker);
    }

    @Override
    public String venue() {
        return "paper";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS, Capability.POST_ONLY, Capability.CANCEL_ALL);
    }

    @Override
    public void connect(EventSink target) {
        this.sink = target;
        if (marketData != null) {
            marketData.connect(event -> {
                switch (event) {
                    case Event.BarClosed b -> engine.onBar(b.bar());
                    case Event.TickerUpdated t -> engine.onTicker(t.ticker());
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

    @Override
    public OrderAck place(OrderRequest request) {
        return engine.submit(request);
    }

    @Override
    public void cancel(String symbol, String clientOrderId) {
        engine.cancel(symbol, clientOrderId);
    }

    @Override
    public int cancelAll(String symbol) {
        return engine.cancelAll(symbol);
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
    public void setLeverage(String symbol, java.math.BigDecimal leverage) {
        engine.setLeverage(symbol, leverage);
    }

    @Override
    public void close() {
        if (marketData != null) marketData.close();
        if (book != null) book.close();
    }
}
