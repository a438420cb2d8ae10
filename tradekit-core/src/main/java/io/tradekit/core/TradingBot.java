package io.tradekit.core;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Timeframe;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.internal.BotEngine;
import io.tradekit.core.internal.EngineClock;
import io.tradekit.core.internal.EngineConfig;
import io.tradekit.core.internal.NetworkDeadlines;
import io.tradekit.core.internal.SafetyConfig;
import io.tradekit.core.internal.ThreadLoop;
import io.tradekit.core.internal.VenueCalls;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.sizing.PositionSizer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running bot: the handle a host holds. Its engine runs on a loop thread of its own; every method
 * here hands work to that loop and waits for the answer, so a host never touches trading state from
 * another thread. Listeners added with {@link #onEvent} are called on the loop thread.
 */
public final class TradingBot implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TradingBot.class);

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String id;
    private final ExchangeAdapter venue;
    private final StateStore store;
    private final ThreadLoop loop;
    private final VenueCalls calls;
    private final NetworkDeadlines deadlines;
    private final BotEngine engine;
    private final EngineClock clock;
    private final Timeframe timeframe;
    private final int warmupBars;
    private final String symbol;
    private Duration snapshotInterval = Duration.ofMinutes(5);
    private Duration metricsInterval = Duration.ofMinutes(1);
    private io.tradekit.core.store.Retention retention = io.tradekit.core.store.Retention.defaults();
    private BotApprovals approvals;
    private ScheduledExecutorService ticker;
    private volatile boolean started;
    private boolean followOrderBook;
    private int maxCatchUpBars = io.tradekit.core.internal.MissedBars.DEFAULT_MAX_BARS;

    TradingBot(String id, String symbol, Timeframe timeframe, Strategy strategy, ExchangeAdapter venue, StateStore store,
               List<RiskPolicy> policies, PositionSizer sizer, BigDecimal takerFeeRate, Duration staleAfter,
               Duration safetyInterval, boolean dataClock, Duration equityInterval, boolean cancelUnknownOrders,
               boolean adoptVenuePosition, RiskLimits limits, List<Consumer<BotEvent>> listeners, BigDecimal leverage) {
        this.id = id;
        this.symbol = symbol;
        this.venue = venue;
        this.store = store;
        this.timeframe = timeframe;
        this.warmupBars = io.tradekit.core.marketdata.HigherTimeframes.warmupBaseBars(strategy, timeframe);
        this.clock = dataClock ? new EngineClock.Simulated() : EngineClock.system();
        this.loop = new ThreadLoop(id, this::onLoopFailure);
        // A replay's simulated venue must meet the calls in the order the loop made them, as a backtest's does.
        this.calls = dataClock ? VenueCalls.ordered(loop, id) : VenueCalls.live(loop, id);
        EngineConfig config = new EngineConfig(id, symbol, timeframe, sizer, takerFeeRate, 512,
                dataClock ? Duration.ofDays(36_500) : staleAfter, safetyInterval, equityInterval, true, leverage);
        this.engine = new BotEngine(config, strategy, venue, store, policies, loop, calls, clock);
        this.deadlines = NetworkDeadlines.wallClock(loop);
        engine.useDeadlines(deadlines);
        // A live bot on perpetuals asks the venue for the funding it was settled now and then; a replay settles on its data.
        if (!dataClock) engine.watchFunding(deadlines);
        engine.setRecoveryOptions(cancelUnknownOrders, adoptVenuePosition);
        engine.setAuditTrades(true);
        // A live bot's bars come from the venue's stream: each is journaled as acted on with its orders, so a restart knows what it missed.
        if (!dataClock) engine.markEachBar();
        limits.decimal(RiskLimits.DAY_BOUNDARY_HOUR).ifPresent(h -> engine.setDayBoundaryHour(h.intValue()));
        listeners.forEach(engine::addListener);
    }

    /**
     * The bot's id, as given to {@link TradeKit#bot(String)}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The symbol the bot trades; of a bot with several pairs, the first.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The pairs the bot trades, in the order it was given them (one for a single-symbol bot).
     *
     * @return the symbols
     */
    public List<String> pairs() {
        return engine.pairs();
    }

    /**
     * The capital the bot's budget gave it once started (see {@link BotBuilder#budget}); empty for a bot that trades its whole account.
     *
     * @return the capital in the quote asset, or empty
     */
    public java.util.Optional<BigDecimal> budgetCapital() {
        return onLoop(engine::budgetCapital);
    }

    BotEngine engine() {
        return engine;
    }

    void snapshotEvery(Duration interval) {
        this.snapshotInterval = interval;
    }

    void metricsEvery(Duration interval) {
        this.metricsInterval = interval;
    }

    void retain(io.tradekit.core.store.Retention kept) {
        this.retention = kept;
    }

    void followOrderBook() {
        this.followOrderBook = true;
    }

    void catchUpAtMost(int bars) {
        this.maxCatchUpBars = bars;
    }

    void useApprovals(BotApprovals botApprovals) {
        this.approvals = botApprovals;
    }

    /**
     * The bot's proposed parameter changes; empty unless it was built with {@link BotBuilder#approvals}.
     *
     * @return the approvals, or empty
     */
    public java.util.Optional<BotApprovals> approvals() {
        return java.util.Optional.ofNullable(approvals);
    }

    /**
     * Connects to the venue, loads the instrument, the account and the warmup history, subscribes to
     * the bot's bars and starts trading. Returns once the bot is RUNNING.
     *
     * <p>A live bot journals each bar it acts on. Restarted, it warms up on the bars up to that one, starts and
     * reconciles (the fills it missed reach the strategy first), then is fed every bar that closed at the venue since,
     * read from the venue's history, each once and in order, with its orders placed at the venue as live, and only then
     * follows the stream. More than {@link BotBuilder#maxCatchUpBars} missed bars of one pair refuse the start. A journal
     * written before bars were marked (or by a bot that never acted on a bar) catches nothing up.
     */
    public synchronized void start() {
        start(lastBar -> List.of());
    }

    /**
     * {@link #start()} with {@code history}'s bars for the last bar the journal says the bot acted on (empty for a bot that never acted on one) preloaded before it reconciles: a driver's bars up to that one, so that the strategy answers what the venue did while the bot was down with the prices it had. A live bot with warmup bars loads its warmup from the venue instead.  <pre>{@code bot.start(lastBar -> barsUpTo(lastBar.orElse(Instant.MIN)));}</pre>
     *
     * @param history the driver's bars up to the given close time (empty for a bot that never acted on a bar)
     */
    public synchronized void start(java.util.function.Function<java.util.Optional<Instant>, List<Bar>> history) {
        if (started) return;
        started = true;
        loop.start();
        boolean live = !(clock instanceof EngineClock.Simulated);
        io.tradekit.core.store.BotStore candleCache = live && store instanceof io.tradekit.core.store.BotStore b ? b : null;
        List<String> pairs = engine.pairs();
        venue.connect(event -> loop.execute(() -> {
            if (clock instanceof EngineClock.Simulated sim) sim.set(event.time());
            // Closed bars of the bot's series go to the candle cache, so a restart's warmup reads them instead of the venue.
            if (candleCache != null && event instanceof Event.BarClosed closed && pairs.contains(closed.bar().symbol())
                    && closed.bar().timeframe().equals(timeframe)) {
                candleCache.cacheCandles(List.of(closed.bar()));
            }
            engine.handle(event);
        }));
        onLoop(() -> {
            // A live restart warms up on the bars up to the last one it acted on; those that closed since are fed to it after
            // it has started and reconciled, before its stream's (MissedBars). A refused catch-up refuses the start.
            java.util.Optional<Instant> actedOn = live ? engine.journaledBarMark() : java.util.Optional.empty();
            io.tradekit.core.internal.MissedBars missed = actedOn.map(at -> io.tradekit.core.internal.MissedBars.since(venue, pairs, timeframe, at,
                    maxCatchUpBars)).orElse(null);
            // The warmup is loaded before the bot reconciles: what it missed while down is answered with prices at hand.
            engine.start(lastBar -> {
                if (!(warmupBars > 0 && live)) return history.apply(lastBar);
                Instant until = actedOn.orElseGet(venue::serverTime);
                List<Bar> warm = new java.util.ArrayList<>();
                for (String pair : pairs) warm.addAll(io.tradekit.core.internal.WarmupHistory.load(venue, candleCache, pair, timeframe, warmupBars, until));
                return warm;
            });
            if (missed != null) {
                int fed = missed.feed(engine, candleCache);
                if (fed > 0) log.info("bot '{}': acted on {} bar(s) that closed while it was down", id, fed);
            }
            for (String pair : pairs) venue.subscribeBars(pair, timeframe);
            // Protections act between bar closes: a live bot watches the ticker; a replay's paper venue stops its price path for them.
            if (!(clock instanceof EngineClock.Simulated) && engine.safety().hasProtections()) venue.subscribeTicker(symbol);
            if (followOrderBook) venue.subscribeOrderBook(symbol);
            return null;
        });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradekit-clock-" + id);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> loop.execute(() -> engine.advanceClock(clock.now())), 250, 250, TimeUnit.MILLISECONDS);
        long every = snapshotInterval.toMillis();
        ticker.scheduleAtFixedRate(() -> loop.execute(engine::saveSnapshot), every, every, TimeUnit.MILLISECONDS);
        if (store instanceof io.tradekit.core.store.BotStore records) {
            long metricsEvery = metricsInterval.toMillis();
            ticker.scheduleAtFixedRate(() -> loop.execute(() -> records.recordMetrics(new io.tradekit.core.store.MetricsSnapshot(clock.now(),
                    io.tradekit.core.internal.OperationalMetrics.of(engine)))), metricsEvery, metricsEvery, TimeUnit.MILLISECONDS);
        }
        if (store instanceof io.tradekit.core.store.SqliteStateStore sqlite) {
            long pruneEvery = retention.cleanupEvery().toMillis();
            ticker.scheduleAtFixedRate(() -> pruneJournal(sqlite.file()), pruneEvery, pruneEvery, TimeUnit.MILLISECONDS);
        }
        if (approvals != null) approvals.start();
    }

    /** Off the loop, on its own connection: the bot keeps trading while old rows go. A failure is logged and tried again next time. */
    private void pruneJournal(java.nio.file.Path file) {
        try {
            var pruned = io.tradekit.core.store.RetentionCleaner.prune(file, retention, clock.now());
            if (pruned.events() + pruned.equity() + pruned.metrics() > 0) {
                log.info("bot '{}': retention pruned {} events, {} equity and {} metrics rows", id, pruned.events(), pruned.equity(), pruned.metrics());
            }
        } catch (RuntimeException e) {
            log.warn("bot '{}': retention pruning of {} failed: {}", id, file, e.toString());
        }
    }

    /**
     * The strategy instance trading the bot's first pair, for a report of its own figures (the grid's ledger): read it
     * after the bot stopped, its views are the loop's.
     *
     * @return the strategy of the bot's first pair
     */
    public Strategy strategy() {
        return engine.strategy();
    }

    /**
     * The close time of the last bar the bot acted on before this start, if it ran before (see {@link ReplayDriver#feed(Bar)}).
     *
     * @return the close time, or empty
     */
    public java.util.Optional<Instant> lastBarTime() {
        return onLoop(engine::lastBarTime);
    }

    /**
     * The bot's equity when its journal began (recorded at the journal's first start), the base of figures over its whole journal; this run's starting equity for a journal that predates the record or a store without one.
     *
     * @return the equity in the quote asset
     */
    public BigDecimal startingEquity() {
        return onLoop(() -> engine.startingEquity().orElseGet(engine::equity));
    }

    /**
     * Bars from before the bot's start: they fill its market data, it does not trade on them.
     *
     * @param bars closed bars, oldest first
     */
    public void preload(List<Bar> bars) {
        onLoop(() -> {
            engine.preload(bars);
            return null;
        });
    }

    /**
     * Replays one bar as if the venue had just closed it: a paper venue plays the bar's price path and,
     * at every stop, the bot answers what it heard (its calls to the venue included) before the path goes
     * on; then the bot handles the closed bar. Returns once the bot and its venue calls are idle. The same
     * steps, in the same order, as a backtest: for replays on a data clock. Once the bar's work is done the
     * journal marks the bar as acted on, durably before this returns, and a restart resumes after it ({@link #lastBarTime}).
     */
    void feed(Bar bar) {
        if (!started) throw new IllegalStateException("bot '" + id + "' is not started");
        if (venue instanceof PaperExchange paper) paper.play(bar, time -> settle());
        loop.execute(() -> {
            if (clock instanceof EngineClock.Simulated sim) sim.set(bar.closeTime());
            engine.handle(new Event.BarClosed(bar));
            engine.advanceClock(bar.closeTime());
        });
        settle();
        markActedOn();
    }

    /**
     * Replays the bars of a bot's pairs that close at the same time: a paper venue plays their paths side by side
     * ({@link PaperExchange#play(List, PaperExchange.Settle)}), then the bot handles each closed bar in the order given,
     * as a backtest over the same pairs does. Returns once the bot and its venue calls are idle.
     */
    void feed(List<Bar> closingTogether) {
        if (!started) throw new IllegalStateException("bot '" + id + "' is not started");
        if (venue instanceof PaperExchange paper) paper.play(closingTogether, time -> settle());
        for (Bar bar : closingTogether) {
            loop.execute(() -> {
                if (clock instanceof EngineClock.Simulated sim) sim.set(bar.closeTime());
                engine.handle(new Event.BarClosed(bar));
                engine.advanceClock(bar.closeTime());
            });
            settle();
        }
        markActedOn();
    }

    /**
     * Journals the bar just fed as acted on and returns once that mark is durable: the venue plays the next bar only
     * then, so a crash never leaves it holding fills of a bar after one the journal could still lose.
     */
    private void markActedOn() {
        loop.execute(engine::markBarActedOnDurably);
        settle();
    }

    /** Starts a data clock at {@code time} (a replay's first bar, or where its venue stopped), so that what it journals before the first bar is stamped in market time. */
    void startClockAt(Instant time) {
        if (clock instanceof EngineClock.Simulated sim) sim.set(time);
    }

    /**
     * Waits, on wall time, as long as the bot itself would for an answer before looking an order up; a
     * venue that has not answered by then is the bot's to look up (its ack timeout), and the data goes on.
     */
    private void settle() {
        if (!awaitIdle(engine.ackTimeout().multipliedBy(2))) {
            log.warn("bot '{}': still waiting for the venue {} after being fed; feeding on", id, engine.ackTimeout().multipliedBy(2));
        }
    }

    /**
     * Waits until the loop has nothing queued or running and no venue call is on its way back (the loop
     * counts both in one number, so one quiet look is enough).
     */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int spins = 0;
        while (!loop.isIdle()) {
            if (System.nanoTime() >= deadline) return false;
            if (++spins < 64) Thread.onSpinWait();
            else if (spins < 256) Thread.yield();
            else java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
        return true;
    }

    /**
     * Adds a listener of the bot's events (fills, orders, state changes, errors), called on the bot's loop thread.
     *
     * @param listener what to call; it must not block
     */
    public void onEvent(Consumer<BotEvent> listener) {
        engine.addListener(listener);
    }

    /**
     * The bot's state now.
     *
     * @return e.g. RUNNING, PAUSED or EMERGENCY_STOP
     */
    public BotState state() {
        return onLoop(engine::state);
    }

    /**
     * The bot's position in its symbol.
     *
     * @return the position, flat if it holds none
     */
    public Position position() {
        return onLoop(() -> engine.portfolio().position(symbol));
    }

    /**
     * The bot's position in {@code pair}.
     *
     * @param pair one of the bot's symbols
     * @return the position, flat if it holds none
     */
    public Position position(String pair) {
        return onLoop(() -> engine.portfolio().position(pair));
    }

    /**
     * The bot's equity at the last price it saw.
     *
     * @return cash plus positions at that price, in the quote asset
     */
    public BigDecimal equity() {
        return onLoop(engine::equity);
    }

    /**
     * The bot's cash.
     *
     * @return the quote asset it holds
     */
    public BigDecimal cash() {
        return onLoop(() -> engine.portfolio().cash());
    }

    /**
     * The bot's orders that are working at the venue or may be.
     *
     * @return the open orders, oldest first
     */
    public List<io.tradekit.api.Order> openOrders() {
        return onLoop(() -> engine.orders().openOrders());
    }

    /**
     * Every order of the bot, open or not.
     *
     * @return the orders, oldest first
     */
    public List<io.tradekit.api.Order> orders() {
        return onLoop(() -> List.copyOf(engine.orders().all()));
    }

    /**
     * The bot's closed round trips.
     *
     * @return the round trips, oldest first
     */
    public List<RoundTrip> roundTrips() {
        return onLoop(() -> List.copyOf(engine.portfolio().roundTrips()));
    }

    /**
     * Pauses trading: open orders stay, the strategy sends no new ones until {@link #resume}. Journaled with who and why.
     *
     * @param actor  who asked
     * @param reason why
     */
    public void pause(String actor, String reason) {
        onLoop(() -> {
            engine.safety().pause(actor, reason);
            return null;
        });
    }

    /**
     * Resumes trading after a pause or an emergency stop. Journaled with who and why.
     *
     * @param actor  who asked
     * @param reason why
     */
    public void resume(String actor, String reason) {
        onLoop(() -> {
            engine.safety().resume(actor, reason);
            return null;
        });
    }

    /**
     * Closes every position (open orders are cancelled first unless the bot's {@link FlattenOptions} say not to) and waits until the bot is flat, has given up, or the options' wait timeout has passed; in the last case the result is a snapshot with outcome RUNNING and the flatten goes on. A call while a flatten runs joins it.
     *
     * @param reason why, for the journal
     * @return what the flatten did
     */
    public FlattenResult flatten(String reason) {
        return await(flattenAsync(reason));
    }

    /**
     * Starts a flatten, or joins the one that runs; the future completes when the bot is flat or the flatten gives up.
     *
     * @param reason why, for the journal
     * @return completes with what the flatten did
     */
    public CompletableFuture<FlattenResult> flattenAsync(String reason) {
        return onLoop(() -> engine.safety().flatten("operator", reason));
    }

    /**
     * Moves the bot to EMERGENCY_STOP (where it stays, restarts included, until {@link #resume}), cancels every open order and flattens; waits for the flatten like {@link #flatten}.
     *
     * @param reason why, for the journal
     * @return what the flatten did
     */
    public FlattenResult emergencyStop(String reason) {
        return await(onLoop(() -> engine.safety().emergencyStop("operator", reason)));
    }

    /**
     * Tells {@code listener} of every risk event, on the loop thread: risk alerts (policy verdicts, protections that closed a position, flattens, dust), orders refused before the venue, and moves into or out of PAUSED, REDUCE_ONLY and EMERGENCY_STOP.
     *
     * @param listener what to call; it must not block
     */
    public void onRisk(Consumer<BotEvent> listener) {
        engine.safety().addRiskListener(listener);
    }

    /**
     * The bot's state, risk level, tripped breakers, limits and how close each is, recent risk events and health.
     *
     * @return the report
     */
    public SafetyReport safetyReport() {
        return onLoop(() -> engine.safety().report());
    }

    /**
     * Lifts a pause, REDUCE_ONLY or EMERGENCY_STOP like {@link #resume(String, String)}, but only if the bot is in one of {@code from} when its loop gets the call: a control plane that lets some users lift a pause but not an emergency stop decides on the state the resume acts on, not on one read before. Returns whether the bot resumed.
     *
     * @param actor  who asked
     * @param reason why
     * @param from   the states it may resume from
     * @return whether it resumed
     */
    public boolean resume(String actor, String reason, java.util.Set<BotState> from) {
        return onLoop(() -> {
            if (!from.contains(engine.state())) return false;
            engine.safety().resume(actor, reason);
            return true;
        });
    }

    /**
     * Like {@link #flattenAsync(String)}, journaled with {@code actor} as the one who asked.
     *
     * @param actor  who asked
     * @param reason why
     * @return completes with what the flatten did
     */
    public CompletableFuture<FlattenResult> flattenAsync(String actor, String reason) {
        return onLoop(() -> engine.safety().flatten(actor, reason));
    }

    /**
     * Like {@link #emergencyStop(String)}, journaled with {@code actor} as the one who asked; does not wait for the flatten.
     *
     * @param actor  who asked
     * @param reason why
     * @return completes with what the flatten did
     */
    public CompletableFuture<FlattenResult> emergencyStopAsync(String actor, String reason) {
        return onLoop(() -> engine.safety().emergencyStop(actor, reason));
    }

    /**
     * Sends an order a person asked for. It passes the same sizing, rounding, risk policies and bot state as a strategy's order; the request is journaled first, as {@code manual-order} with {@code actor} and {@code reason}, whether it is sent or denied.
     *
     * @param actor  who asked
     * @param reason why
     * @param intent the order wanted
     * @return what became of it
     */
    public io.tradekit.api.spi.Submission submit(String actor, String reason, io.tradekit.api.OrderIntent intent) {
        return onLoop(() -> {
            store.recordEvent(new io.tradekit.api.store.AuditEvent(clock.now(), "manual-order", actor, reason,
                    "{\"symbol\":" + quoted(intent.symbol()) + ",\"side\":\"" + intent.side() + "\",\"type\":\"" + intent.type()
                            + "\",\"quantity\":\"" + intent.quantity().toPlainString() + "\""
                            + intent.limitPrice().map(p -> ",\"price\":\"" + p.toPlainString() + "\"").orElse("") + "}"));
            return engine.context().submit(intent);
        });
    }

    /**
     * Asks the venue to cancel one of the bot's open orders, journaled as {@code cancel-order} with {@code actor} and {@code reason}; false if the bot has no open order with that client order id.
     *
     * @param actor         who asked
     * @param reason        why
     * @param clientOrderId the order's client order id
     * @return whether the bot had that order open
     */
    public boolean cancel(String actor, String reason, String clientOrderId) {
        return onLoop(() -> {
            boolean open = engine.orders().openOrders().stream().anyMatch(o -> o.clientOrderId().equals(clientOrderId));
            if (!open) return false;
            store.recordEvent(new io.tradekit.api.store.AuditEvent(clock.now(), "cancel-order", actor, reason,
                    "{\"clientOrderId\":" + quoted(clientOrderId) + "}"));
            engine.context().cancel(clientOrderId);
            return true;
        });
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * Writes a line to the bot's audit log on its loop, e.g. a notification a host sent about the bot: {@code inputsJson} is a JSON object of what the action was based on.
     *
     * @param type       the kind of event
     * @param actor      who did it
     * @param reason     why
     * @param inputsJson its inputs, as a JSON object
     */
    public void journal(String type, String actor, String reason, String inputsJson) {
        onLoop(() -> {
            store.recordEvent(new io.tradekit.api.store.AuditEvent(clock.now(), type, actor, reason, inputsJson));
            return null;
        });
    }

    /**
     * Every fill in the bot's journal, in the order recorded.
     *
     * @return the fills
     */
    public List<io.tradekit.api.Fill> fills() {
        return onLoop(store::fills);
    }

    /**
     * The most recent {@code limit} lines of the bot's audit journal, oldest first.
     *
     * @param limit how many at most
     * @return the events
     */
    public List<io.tradekit.api.store.AuditEvent> auditEvents(int limit) {
        return onLoop(() -> store.events(limit));
    }

    void configureSafety(SafetyConfig config) {
        engine.safety().configure(config);
    }

    private FlattenResult await(CompletableFuture<FlattenResult> flatten) {
        Duration wait = onLoop(() -> engine.safety().flattenWaitTimeout());
        try {
            return flatten.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return onLoop(() -> engine.safety().currentFlatten()).orElseThrow();
        } catch (ExecutionException e) {
            throw new TradeKitException(ErrorCategory.INTERNAL, "bot '" + id + "': flatten failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradeKitException(ErrorCategory.INTERNAL, "bot '" + id + "': interrupted while waiting for a flatten");
        }
    }

    /** Stops trading (open orders stay at the venue), journals the final state and closes the venue. */
    public synchronized void stop() {
        if (!started) {
            if (approvals != null) approvals.close(); // built, never started: its approvals connection is still open
            return;
        }
        try {
            stopTrading();
        } finally {
            shutdown();
        }
    }

    /**
     * Stops trading and reports what the bot did over its whole journal, in the backtest's terms, then
     * shuts down. Replays end this way.
     */
    synchronized BacktestResult stopWithResult(String strategyName, long bars, long startedNanos, BigDecimal initialCash) {
        try {
            stopTrading();
            onLoop(() -> {
                engine.setStrategyName(strategyName);
                return null;
            });
            return onLoop(() -> io.tradekit.core.internal.Results.of(engine, strategyName, bars,
                    (System.nanoTime() - startedNanos) / 1_000_000, initialCash, java.util.List.of()));
        } finally {
            shutdown();
        }
    }

    private void stopTrading() {
        if (onLoop(() -> engine.safety().flattenOnStop() && engine.state() != BotState.STOPPED)) {
            await(onLoop(() -> engine.safety().flatten("engine", "stopping with flatten-on-stop")));
        }
        onLoop(() -> {
            engine.stop("operator", "stop requested");
            return null;
        });
    }

    private void shutdown() {
        if (!started) return;
        started = false;
        if (ticker != null) ticker.shutdownNow();
        if (approvals != null) approvals.close();
        deadlines.close();
        calls.close();
        venue.close();
        loop.stop(5_000);
        store.close();
    }

    @Override
    public void close() {
        stop();
    }

    private void onLoopFailure(RuntimeException e) {
        engine.safety().pause("engine", "internal error: " + e);
        loop.execute(() -> engine.handle(new Event.ErrorRaised("engine", e instanceof TradeKitException t ? t.category()
                : ErrorCategory.INTERNAL, String.valueOf(e.getMessage()), "", clock.now())));
    }

    <T> T onLoop(Supplier<T> work) {
        // Once the loop has stopped nothing else touches the state, so a host may still read it from its own thread.
        if (loop.inLoop() || loop.isStopped()) return work.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new TradeKitException(ErrorCategory.INTERNAL, "bot '" + id + "': " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TradeKitException(ErrorCategory.TIMEOUT, "bot '" + id + "': its loop did not answer within " + CALL_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradeKitException(ErrorCategory.INTERNAL, "bot '" + id + "': interrupted while waiting for its loop");
        }
    }
}
