package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Position;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.Submission;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.errors.ClassifiedError;
import io.tradekit.core.errors.ErrorClassifier;
import io.tradekit.core.marketdata.HigherTimeframes;
import io.tradekit.core.marketdata.MarketDataCache;
import io.tradekit.core.sizing.ExitQuantity;
import io.tradekit.core.sizing.OrderRounding;
import io.tradekit.core.sizing.SizingDecision;
import io.tradekit.core.sizing.SizingInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The heart of a bot: every event, order and fill passes through here, on the loop thread only.
 * Along the order path it hands an intent to the {@link OrderGate} (round to the filters, check the
 * filters, the bot's state, every risk policy), which hands it to the {@link Execution} side (write
 * ahead, send off the loop, follow it to an answer); a fill is applied once (the store's journal decides
 * what is new) to the account state, the {@link Portfolio}, then the order, the risk policies, the
 * strategy and the safety manager see it, in that order.
 */
public final class BotEngine {

    private static final Logger log = LoggerFactory.getLogger(BotEngine.class);
    /** Config entry: the close time of the last bar the bot finished acting on. */
    static final String LAST_BAR_KEY = "bot.lastBarActedOn";
    /** Config entry: the bot's equity at the first start of its journal. */
    static final String STARTING_EQUITY_KEY = "bot.startingEquity";
    /** Config entry: the strategies' state ({@link LaneStates}), journaled with every commit scope that may change it. */
    static final String STRATEGY_STATE_KEY = "bot.strategyState";
    /** A bot with several pairs: the last bar each pair's strategy acted on, {@code SYMBOL=instant} joined by commas. */
    static final String STRATEGY_STATE_BARS_KEY = "bot.strategyStateBarByPair";
    /** Config entry: the close time of the last bar the journaled strategy state has acted on. */
    static final String STRATEGY_STATE_BAR_KEY = "bot.strategyStateBar";

    final EngineConfig config;
    /** Replaced only on the loop, at a safe point ({@link #replaceStrategy}). */
    Strategy strategy;
    final ExchangeAdapter venue;
    final StateStore store;
    final List<RiskPolicy> policies;
    final Loop loop;
    final VenueCalls calls;
    final EngineClock clock;
    final OrderManager orders;
    final MarketDataCache data;
    /** The cache's last price of a symbol, as the portfolio's marks: one function, not one per equity asked for (every bar). */
    final java.util.function.Function<String, BigDecimal> marks;
    /** The strategy's higher timeframes, made from the closed base bars as they enter {@link #data}. */
    final HigherTimeframes higher;
    final EquityCurve curve;
    /** The bot-wide view risk policies and the safety manager judge the bot by (the first pair's symbol, every order). */
    final EngineContext context;
    /** The account as risk policies see it: reads only, so a policy cannot cast its way to placing orders. */
    final RiskContext riskView;
    final SafetyManager safety;
    final Timers timers = new Timers();
    final OrderGate gate;
    final Execution execution;
    final MarginWatch marginWatch = new MarginWatch();
    /** The latest order book of each symbol the venue streams one for (see {@link ExchangeAdapter#subscribeOrderBook}). */
    final java.util.Map<String, io.tradekit.api.OrderBook> books = new java.util.HashMap<>();
    /** The bot's pairs, the first one the symbol it was built with; a single-symbol bot has one. */
    final List<Lane> lanes = new ArrayList<>();
    Allocation allocation;
    private boolean onePositionPerPair;
    private final List<Consumer<BotEvent>> listeners = new CopyOnWriteArrayList<>();

    Portfolio portfolio;
    Instrument instrument;
    BotState state = BotState.CREATED;
    private long barsProcessed;
    private long fillsApplied;
    private long restoredFills;
    private Instant nextEquityAt = Instant.MIN;
    /** When the safety timer last ran: it runs again once {@code safetyInterval} has passed (compared, not added, so no instant per bar). */
    private Instant lastSafetyAt;
    private BigDecimal dayStartEquity;
    private long currentDay = Long.MIN_VALUE;
    private int dayBoundaryHour;
    private Instant lastBarTime;
    private Instant lastMarkTime;
    private Recovery.RecoveryOptions recoveryOptions = Recovery.RecoveryOptions.DEFAULT;
    /** A live bot's check of its funding with the venue; null in backtests and replays. */
    private FundingWatch fundingWatch;
    private String strategyName;
    private boolean stopOnStrategyFailure;
    /** The store is dropped with the run (a backtest's own journal in memory): nothing ever reads it back. */
    private boolean journalThrownAway;
    private io.tradekit.core.StrategyFailure strategyFailure;
    private io.tradekit.api.InvalidInputException invalidInput;
    private boolean auditTrades;
    /** The strategy state last journaled, so that an unchanged state is not written again. */
    private String journaledStrategyState;
    private Instant journaledStrategyBar;
    private String journaledStrategyBars;
    /**
     * The last bar the restored strategy state had acted on: a driver that feeds that bar again after a restart (killed
     * before it marked the bar) does not hand it to the strategy a second time.
     */
    private Instant strategyActedUpTo;
    /** Whether every bar handled is journaled as acted on in its own commit (a live bot; a replay's driver marks after the bar's path). */
    private boolean marksEachBar;
    /** Depth of {@link #inOneCommit} scopes under way, and the venue calls that wait for the outermost one's commit. */
    private int commitDepth;
    private final List<Runnable> sendsAfterCommit = new ArrayList<>();

    public BotEngine(EngineConfig config, Strategy strategy, ExchangeAdapter venue, StateStore store,
                     List<RiskPolicy> policies, Loop loop, VenueCalls calls, EngineClock clock) {
        this.config = config;
        this.strategy = strategy;
        this.venue = venue;
        this.store = store;
        this.policies = List.copyOf(policies);
        this.loop = loop;
        this.calls = calls;
        this.clock = clock;
        this.orders = new OrderManager(config.botId());
        this.data = new MarketDataCache(Math.max(config.cacheCapacity(), HigherTimeframes.barsToKeep(strategy)));
        this.marks = data::lastPrice;
        this.higher = new HigherTimeframes(config.timeframe(), strategy.higherTimeframes());
        this.curve = new EquityCurve(config.recordEquityCurve());
        Lane primary = new Lane(this, config.symbol(), strategy);
        lanes.add(primary);
        this.context = primary.riskView;
        this.riskView = primary.policyView;
        this.allocation = new Allocation(this, null);
        this.safety = new SafetyManager(this);
        this.gate = new OrderGate(this);
        this.execution = new Execution(this, NetworkDeadlines.inline(loop));
        this.strategyName = strategy.getClass().getSimpleName();
    }

    /**
     * Adds a pair to the bot before it starts: a lane with its own {@code strategy} instance (a fresh one, made
     * with the same name and parameters as the first pair's), fed by {@code symbol}'s bars of the bot's timeframe.
     * The lanes share the loop, the account, the journal, the order ids, the safety manager and the risk totals.
     */
    public void addPair(String symbol, Strategy laneStrategy) {
        if (state != BotState.CREATED) throw new IllegalStateException("bot '" + config.botId() + "': pairs are added before it starts");
        if (lane(symbol) != null) throw new io.tradekit.api.InvalidInputException("bot '" + config.botId() + "': pair " + symbol + " is listed twice");
        lanes.add(new Lane(this, symbol, laneStrategy));
    }

    /**
     * Makes one open position per pair an invariant of the order gate: an order that would open or add to a
     * position on a pair that already holds one, or has an entry working, is refused with the reason. Bots built
     * with several pairs hold it; a single-symbol bot (a grid, say) may add to its position as before.
     */
    public void holdOnePositionPerPair() {
        this.onePositionPerPair = true;
    }

    boolean holdsOnePositionPerPair() {
        return onePositionPerPair;
    }

    /** Trades {@code budget} of a shared account instead of the whole account (see {@link io.tradekit.core.sizing.Budget}). */
    public void useBudget(io.tradekit.core.sizing.Budget budget) {
        if (state != BotState.CREATED) throw new IllegalStateException("bot '" + config.botId() + "': a budget is set before it starts");
        this.allocation = new Allocation(this, java.util.Objects.requireNonNull(budget, "budget"));
    }

    /** The capital the bot's budget gave it, once started; empty for a bot that trades its whole account. */
    public Optional<BigDecimal> budgetCapital() {
        return allocation.isBudgeted() && portfolio != null ? Optional.of(allocation.capital()) : Optional.empty();
    }

    /** The bot's pairs, in the order they were given. */
    public List<String> pairs() {
        List<String> out = new ArrayList<>();
        for (Lane l : lanes) out.add(l.symbol);
        return out;
    }

    /** The lane trading {@code symbol}, or null when the bot does not trade it. */
    Lane lane(String symbol) {
        for (Lane l : lanes) if (l.symbol.equals(symbol)) return l;
        return null;
    }

    /** The lane whose strategy hears about {@code symbol}'s orders and fills: its own, or the first one's for a symbol no lane trades. */
    private Lane laneOrFirst(String symbol) {
        Lane l = lane(symbol);
        return l != null ? l : lanes.get(0);
    }

    /** The strategy's name in errors and reports (default its class's simple name). */
    public void setStrategyName(String name) {
        this.strategyName = name;
    }

    String strategyName() {
        return strategyName;
    }

    /** What a strategy that throws does to the bot: pause it (default) or stop it. */
    public void setStopOnStrategyFailure(boolean stop) {
        this.stopOnStrategyFailure = stop;
    }

    /**
     * The run's store is thrown away with it (a backtest's own journal in memory), so nothing restores from it: a stop
     * saves no snapshot (every lane's strategy state) and the strategies' audit lines ({@code ctx.audit}, a grid's line
     * per round trip among them) are not kept. What the result reports comes from the engine, never from that store.
     */
    public void throwJournalAway() {
        this.journalThrownAway = true;
    }

    /** Whether the store is dropped with the run ({@link #throwJournalAway}). */
    boolean journalThrownAway() {
        return journalThrownAway;
    }

    /** The strategy failure the bot is paused or stopped on, if it has not been resumed since. */
    public Optional<io.tradekit.core.StrategyFailure> strategyFailure() {
        return Optional.ofNullable(strategyFailure);
    }

    /**
     * A strategy that refused its own input (a parameter that proves wrong once it meets the data, such
     * as a grid stop inside the grid): a driver that owns the run ends it with this error, so the
     * command line names the setting to fix; a live bot only pauses on it, like on any failure.
     */
    public Optional<io.tradekit.api.InvalidInputException> invalidStrategyInput() {
        return Optional.ofNullable(invalidInput);
    }

    /**
     * One rule for every mode: a strategy's exception becomes an error event naming the strategy and the
     * bar, and the bot pauses (or stops); the rest of the loop goes on, and a host or report sees why.
     */
    private void strategyFailed(String callback, RuntimeException e) {
        var failure = new io.tradekit.core.StrategyFailure(strategyName, callback, Optional.ofNullable(lastBarTime), String.valueOf(e));
        log.debug("strategy {} threw in {}", strategyName, callback, e);
        reportError("strategy", ErrorCategory.INTERNAL, stopOnStrategyFailure ? RecoveryAction.HALT : RecoveryAction.PAUSE, failure.describe());
        if (stopOnStrategyFailure) {
            transition(BotState.STOPPED, "engine", failure.describe());
        } else if (state != BotState.STOPPED && state != BotState.EMERGENCY_STOP) {
            safety.pause("engine", failure.describe());
        }
        strategyFailure = failure;
        if (e instanceof io.tradekit.api.InvalidInputException bad && invalidInput == null) invalidInput = bad;
    }

    /**
     * Writes every order sent, every order refused before the venue (who refused it, why, and the order's values)
     * and every fill to the audit log, besides the orders and fills tables: a running bot's journal says what
     * happened in one place. Off for backtests, whose result holds the same.
     */
    public void setAuditTrades(boolean audit) {
        this.auditTrades = audit;
    }

    boolean auditsTrades() {
        return auditTrades;
    }

    /**
     * Whether an order of this bot is on its way: sent with no answer yet, or with an outcome still being looked up.
     * Parameters change only when none is, so no answer meets a strategy that did not send its order.
     */
    public boolean orderInFlight() {
        for (Order o : orders.openOrders()) {
            if (o.status() == OrderStatus.PENDING_NEW || o.status() == OrderStatus.UNKNOWN) return true;
        }
        return safety.isFlattening();
    }

    /**
     * Hands the bot to {@code next}, a strategy built with new parameters: it takes over the saved state of the one
     * it replaces (its open orders and figures) and is started, on the loop. Only at a safe point: no order in flight.
     */
    public void replaceStrategy(Strategy next) {
        if (orderInFlight()) throw new IllegalStateException("bot '" + config.botId() + "': an order is in flight; the strategy is not replaced now");
        if (!higher.targets().containsAll(next.higherTimeframes())) {
            throw new io.tradekit.api.InvalidInputException("bot '" + config.botId() + "': the new strategy reads timeframes " + next.higherTimeframes()
                    + " but the bot makes only " + higher.targets() + " from its bars; restart the bot to read others");
        }
        if (lanes.size() > 1) throw new IllegalStateException("bot '" + config.botId() + "': a bot with several pairs does not take parameter changes");
        String state = strategy.saveState();
        next.restoreState(state);
        // What the one it replaces kept as audit lines (a grid's round trips) the new one reads back as a restart does.
        if (!journalThrownAway) next.restoreAudit(store::events);
        strategy = next;
        lanes.get(0).strategy = next;
        try {
            next.onStart(context);
        } catch (RuntimeException e) {
            strategyFailed("onStart", e);
        }
    }

    /** Where ack timeouts and lookups wait: wall time for a venue whose answers can be late. */
    public void useDeadlines(NetworkDeadlines networkDeadlines) {
        execution.useDeadlines(networkDeadlines);
    }

    /** A live bot: on perpetuals, it asks the venue for its funding settlements now and then ({@link FundingWatch}). */
    public void watchFunding(NetworkDeadlines networkDeadlines) {
        fundingWatch = new FundingWatch(this, networkDeadlines);
    }

    /** How often {@link #watchFunding} asks; ignored by a bot that does not watch. */
    public void setFundingCheckPeriod(Duration period) {
        if (fundingWatch != null) fundingWatch.setPeriod(period);
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Loads the instrument, restores the journal, reconciles with the venue and starts trading. Runs on
     * the loop; venue calls here block, because nothing may trade before the state is settled.
     */
    public void start() {
        start(lastBar -> List.of());
    }

    /**
     * {@link #start()}, with the market data {@code history} gives for the last bar the journal says the bot acted on
     * (empty for a bot that never did) preloaded before reconciliation: the strategy starts, and answers what the
     * venue did while the bot was down, with the prices it had (orders sent on no data would be refused as stale).
     */
    public void start(java.util.function.Function<Optional<Instant>, List<Bar>> history) {
        transition(BotState.STARTING, "engine", "start");
        instrument = venue.instrument(config.symbol());
        for (Lane lane : lanes) {
            lane.instrument = lane.symbol.equals(config.symbol()) ? instrument : venue.instrument(lane.symbol);
            if (!lane.instrument.quoteAsset().equals(instrument.quoteAsset())) {
                throw new io.tradekit.api.InvalidInputException("bot '" + config.botId() + "': pair " + lane.symbol + " is quoted in "
                        + lane.instrument.quoteAsset() + " but " + config.symbol() + " in " + instrument.quoteAsset() + "; a bot's pairs share one quote asset");
            }
        }
        portfolio = new Portfolio(instrument.quoteAsset(), BigDecimal.ZERO);
        for (Lane lane : lanes) useLeverage(lane.instrument);
        Recovery recovery = new Recovery(this, recoveryOptions);
        Optional<BotSnapshot> snapshot = recovery.load(instrument);
        boolean fresh = orders.all().isEmpty();
        Instant openSince = null;
        for (Order o : orders.openOrders()) if (openSince == null || o.createdAt().isBefore(openSince)) openSince = o.createdAt();
        lastBarTime = lastBarActedOn().orElseGet(() -> {
            // A journal without the mark (a bot that was never fed bars by a driver): its snapshot and newest order say.
            Instant last = snapshot.flatMap(BotSnapshot::lastBarTime).orElse(null);
            for (Order o : orders.all()) if (last == null || o.createdAt().isAfter(last)) last = o.createdAt();
            return last;
        });
        // A bar the strategy acted on (its state and orders committed) but the driver had not yet marked: the bot acted
        // on it, so it warms the bot up and is not fed again, and what its orders did (missed fills) is answered at its prices.
        if (strategyActedUpTo != null && (lastBarTime == null || strategyActedUpTo.isAfter(lastBarTime))) lastBarTime = strategyActedUpTo;
        if (lastBarTime != null && clock instanceof EngineClock.Simulated sim) sim.set(lastBarTime);
        List<Bar> seen = history.apply(Optional.ofNullable(lastBarTime));
        if (!seen.isEmpty()) preload(seen);
        List<Instrument> traded = new ArrayList<>();
        for (Lane lane : lanes) traded.add(lane.instrument);
        if (!fresh) recovery.reconcile(traded, openSince != null ? openSince : Instant.now());
        var balances = venue.balances();
        BigDecimal cash = BigDecimal.ZERO;
        for (var b : balances) if (b.asset().equals(instrument.quoteAsset())) cash = b.total();
        // A budgeted bot's books are its own: its capital plus what its journaled fills moved (the portfolio holds that flow so far).
        boolean budgeted = allocation.isBudgeted();
        BigDecimal books = budgeted ? allocation.settleCapital(cash).add(portfolio.cash()) : cash;
        // The strategy starts on the account before the missed fills, which reach it after its start (Recovery#deliverFills);
        // a budgeted bot's books do not hold them yet, the venue's balance does.
        portfolio.setCash(budgeted ? books : books.subtract(recovery.missedCash(instrument)));
        for (Instrument inst : traded) recovery.checkPosition(inst, balances, fresh);
        dayStartEquity = equity();
        curve.restorePeak(dayStartEquity);
        if (fillsInJournal() == 0 && store.config(STARTING_EQUITY_KEY).isEmpty()) {
            store.putConfig(STARTING_EQUITY_KEY, dayStartEquity.toPlainString(), clock.now());
        }
        if (!fresh) {
            audit("recovery", "engine", "resumed with " + orders.all().size() + " orders, " + fillsInJournal() + " fills"
                    + (recovery.notes().isEmpty() ? "" : "; " + String.join("; ", recovery.notes())), "{}");
        }
        BotState resumed = fresh ? BotState.RUNNING : safety.stateAfterRestart();
        transition(resumed, "engine", resumed == BotState.EMERGENCY_STOP
                ? "restarted in EMERGENCY_STOP, where it stopped: it stays there until an operator resumes it"
                : fresh ? "started" : "resumed after reconciliation");
        for (Lane lane : lanes) {
            try {
                lane.strategy.onStart(lane.context);
            } catch (RuntimeException e) {
                strategyFailed("onStart", e);
            }
        }
        if (!fresh) {
            recovery.deliverFills();
            // The venue's, which counts the missed fills (and not yet the resends' fills); a budgeted bot's books took them as they came.
            if (!budgeted) portfolio.setCash(cash);
            recovery.deliverOrders();
            dayStartEquity = equity();
            curve.restorePeak(dayStartEquity);
        }
        catchUpLanes();
        if (!(loop instanceof DirectLoop)) journalStrategyState();
        if (fundingWatch != null && lanes.stream().anyMatch(lane -> lane.instrument.isDerivative())) fundingWatch.start(recovery.fundedSince());
    }

    /**
     * A derivatives bot tells the venue its leverage before anything trades and margins its own books at it;
     * a spot bot has none to set.
     */
    private void useLeverage(Instrument instrument) {
        BigDecimal leverage = config.leverage();
        if (!instrument.isDerivative()) {
            if (leverage.compareTo(BigDecimal.ONE) != 0) {
                throw new io.tradekit.api.InvalidInputException("leverage " + leverage.toPlainString() + " needs a derivatives instrument; "
                        + instrument.symbol() + " is " + instrument.kind());
            }
            return;
        }
        if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(instrument.margin().maxLeverage()) > 0) {
            throw new io.tradekit.api.InvalidInputException("leverage " + leverage.toPlainString() + " on " + instrument.symbol()
                    + " must be between 1 and the venue's " + instrument.margin().maxLeverage().toPlainString());
        }
        venue.setLeverage(instrument.symbol(), leverage);
        portfolio.setLeverage(instrument.symbol(), leverage);
    }

    /**
     * The close time of the last bar this bot acted on: before the first bar of this run, the one its journal marks
     * ({@link #markBarActedOn}), or, in a journal without the mark, the later of its snapshot's and its newest order's.
     */
    public Optional<Instant> lastBarTime() {
        return Optional.ofNullable(lastBarTime);
    }

    /**
     * Journals that the bot is done with the last bar it handled: a driver calls it once everything the bar caused
     * (fills, orders, answers) has been handled. The store keeps writes in call order, so a mark that survives a
     * crash means all of that bar's work survived it too, and a restart resumes after that bar.
     */
    public void markBarActedOn() {
        if (lastBarTime != null) {
            store.putConfig(LAST_BAR_KEY, lastBarTime.toString(), lastBarTime);
        }
    }

    /**
     * {@link #markBarActedOn}, then waits until the journal holds the mark and everything before it durably (the bar's
     * fills, equity mark and strategy state): a replay driver calls it before its venue plays the next bar. A durable
     * paper venue commits every step of its path; were the journal allowed to lag behind it, a crash could leave the
     * venue bars ahead, and the restart would feed those bars again with their later fills already applied (an equity
     * mark holding a fill from after its bar, a strategy acting on a bar with a fill it had not yet had).
     */
    public void markBarActedOnDurably() {
        markBarActedOn();
        store.flush();
    }

    /** The close time of the last bar the journal marks as acted on ({@link #markBarActedOn}); empty when it marks none. */
    public Optional<Instant> journaledBarMark() {
        return lastBarActedOn();
    }

    private Optional<Instant> lastBarActedOn() {
        return store.config(LAST_BAR_KEY).map(Instant::parse);
    }

    /**
     * The bot's equity when its journal began (journaled at the first start of an empty journal), so that figures
     * over the whole journal are measured from where it started, not from where this run began; empty for a journal
     * that predates the record.
     */
    public Optional<BigDecimal> startingEquity() {
        return store.config(STARTING_EQUITY_KEY).map(BigDecimal::new);
    }

    public Duration ackTimeout() {
        return execution.ackTimeout();
    }

    /** How long a sent order may wait for the venue's answer before it is looked up (default 10 s). */
    public void setAckTimeout(Duration timeout) {
        execution.setAckTimeout(timeout);
    }

    public void setRecoveryOptions(boolean cancelUnknownOrders, boolean adoptVenuePosition) {
        this.recoveryOptions = new Recovery.RecoveryOptions(cancelUnknownOrders, adoptVenuePosition);
    }

    /** Saves the whole bot state, strategy state included, as the newest snapshot. */
    public void saveSnapshot() {
        if (portfolio == null) return;
        store.saveSnapshot(new BotSnapshot(clock.now(), state, java.util.Map.of(portfolio.quoteAsset(), portfolio.cash()),
                new ArrayList<>(portfolio.positions()), curve.peak().max(equity()), fillsInJournal(),
                Optional.ofNullable(lastBarTime), LaneStates.save(lanes)));
    }

    private long fillsInJournal() {
        return restoredFills + fillsApplied;
    }

    void restoredFills(long count) {
        restoredFills = count;
    }

    public void stop(String actor, String reason) {
        if (state == BotState.STOPPED) return;
        for (Lane lane : lanes) {
            try {
                lane.strategy.onStop(lane.context);
            } catch (RuntimeException e) {
                strategyFailed("onStop", e);
            }
        }
        // A stop at the instant of the last bar (a data clock) leaves that bar's mark as it is (the store keeps the first
        // mark of an instant): a run stopped and resumed there keeps the curve of one that went on.
        recordEquity(clock.now());
        if (!journalThrownAway) saveSnapshot();
        transition(BotState.STOPPED, actor, reason);
        store.flush();
    }

    public void addListener(Consumer<BotEvent> listener) {
        listeners.add(listener);
    }

    public void setDayBoundaryHour(int hourUtc) {
        this.dayBoundaryHour = hourUtc;
    }

    // ---------------------------------------------------------------- events

    public void handle(Event event) {
        switch (event) {
            case Event.BarClosed e -> onBarClosed(e.bar(), e.bar().closeTime());
            case Event.TickerUpdated e -> {
                data.update(e.ticker());
                watchMargin();
                safety.onTicker(e.ticker());
                Lane lane = lane(e.ticker().symbol());
                if (lane != null && lane.warm && strategyFailure == null) {
                    try {
                        lane.strategy.onTicker(e.ticker(), lane.context);
                    } catch (RuntimeException failure) {
                        strategyFailed("onTicker", failure);
                    }
                }
            }
            case Event.OrderBookUpdated e -> books.put(e.book().symbol(), e.book());
            case Event.OrderUpdated e -> onOrderUpdate(e.update());
            case Event.FillReceived e -> applyFill(e.fill());
            case Event.ConnectionChanged e -> {
                audit("connection", e.venue(), e.stream() + " " + e.state() + (e.detail().isEmpty() ? "" : ": " + e.detail()), "{}");
                safety.onConnection(e);
            }
            case Event.ErrorRaised e -> reportError(e.source(), e.category(), e.category().defaultAction(), e.message());
            case Event.TimerFired e -> safety.evaluate("timer " + e.name());
            case Event.FundingSettled e -> onFunding(e.payment());
            case Event.PositionLiquidated e -> onLiquidation(e.order(), e.fill());
        }
    }

    /** A funding settlement: journaled, then applied, each once however often the venue reports it; false when it was already. */
    boolean onFunding(io.tradekit.api.FundingPayment payment) {
        if (!store.recordFunding(payment)) return false;
        if (fundingWatch != null) fundingWatch.funded(payment.time());
        portfolio.applyFunding(payment);
        audit("funding", venue.venue(), payment.symbol() + (payment.isReceived() ? " received " : " paid ")
                        + payment.amount().abs().toPlainString() + " at rate " + payment.rate().toPlainString() + ", mark "
                        + payment.markPrice().toPlainString(),
                "{\"rate\":\"" + payment.rate().toPlainString() + "\",\"amount\":\"" + payment.amount().toPlainString() + "\"}");
        return true;
    }

    /**
     * The venue closed the position with its own order (tagged {@code liquidation}): the bot journals that
     * order as if it had sent it, so the fill is applied, reported and recovered like any other.
     */
    void onLiquidation(Order venueOrder, Fill fill) {
        if (orders.get(venueOrder.clientOrderId()).isEmpty()) {
            // Its fills make it FILLED here, as for the bot's own orders: the journal counts each fill once.
            Order adopted = venueOrder.withFilled(BigDecimal.ZERO, BigDecimal.ZERO, OrderStatus.NEW, venueOrder.createdAt());
            store.writeAhead(adopted);
            orders.add(adopted);
        }
        audit("liquidation", venue.venue(), fill.symbol() + " " + fill.quantity().toPlainString() + " liquidated at "
                + fill.price().toPlainString() + ", fee " + fill.fee().toPlainString(), "{}");
        applyFill(fill);
    }

    /**
     * A closed bar of {@code closeTime} ({@link Bar#closeTime()}), as {@link #handle} handles a {@link Event.BarClosed}: a
     * driver that has the close time already hands it over, so that one instant serves the whole bar. The bar's equity
     * mark commits with the orders the strategy sends on it.
     */
    public void onBarClosed(Bar bar, Instant closeTime) {
        if (loop instanceof DirectLoop) onBarMarked(bar, closeTime); // a backtest: no scope, no lambda per bar
        else inOneCommit(() -> onBarMarked(bar, closeTime));
    }

    /** Moves the engine's clock: runs due timers (lookups, safety checks) and rolls the trading day. */
    public void advanceClock(Instant now) {
        timers.runDue(now);
        rollDay(now);
        if (portfolio != null && (lastSafetyAt == null || EngineClock.atLeastApart(lastSafetyAt, now, config.safetyInterval()))) {
            lastSafetyAt = now;
            safety.evaluate("timer");
        }
    }

    /** Bars from before the start (warmup history): they fill the cache, the strategy does not trade on them. */
    public void preload(List<Bar> history) {
        for (Bar bar : history) {
            if (data.add(bar)) higher.onBarAdded(bar, data);
        }
        for (Lane lane : lanes) lane.warm = higher.isWarm(lane.strategy, lane.symbol, data);
    }

    private void onBar(Bar bar, Instant now) {
        Lane lane = laneOf(bar);
        if (lane == null) {
            if (data.add(bar, now)) higher.onBarAdded(bar, data);
            return;
        }
        if (!data.add(bar, now)) {
            log.debug("bar {} {} already seen; ignored", bar.symbol(), bar.openTime());
            return;
        }
        higher.onBarAdded(bar, data);
        lastBarTime = now;
        // Once per close time: with several pairs, at the first pair's bar of that time (the others at their last price).
        if (lastMarkTime == null || now.isAfter(lastMarkTime)) {
            lastMarkTime = now;
            markEquity(now);
        }
        actOnBar(lane, bar, now);
    }

    /** A bar of {@code lane} is in the cache: the safety manager, then (warm and running) the lane's strategy hear of it. */
    private void actOnBar(Lane lane, Bar bar, Instant now) {
        watchMargin();
        safety.onBar(bar, now);
        if (!lane.warm) {
            lane.warm = higher.isWarm(lane.strategy, lane.symbol, data);
            if (!lane.warm) return;
        }
        if (state == BotState.STOPPED || state == BotState.CREATED) return;
        if (lane.actedUpTo != null && !now.isAfter(lane.actedUpTo)) return; // its journaled state holds this bar already
        lane.actedUpTo = now;
        barsProcessed++;
        if (strategyFailure == null) {
            try {
                lane.strategy.onBar(bar, lane.context);
            } catch (RuntimeException e) {
                strategyFailed("onBar", e);
            }
        }
        if (!listeners.isEmpty()) publish(new BotEvent.BarProcessed(now, bar));
    }

    /** A derivatives bot's margin extremes move with every mark and fill (see {@link MarginWatch}). */
    private void watchMargin() {
        if (portfolio == null) return;
        boolean moved = false;
        for (Lane lane : lanes) {
            if (lane.instrument == null || !lane.instrument.isDerivative()) continue;
            Position position = portfolio.position(lane.symbol);
            if (!position.isFlat() && marginWatch.observe(position, data.lastPrice(lane.symbol), equity(), clock.now())) moved = true;
        }
        if (moved) marginWatch.journalEntries().forEach((k, v) -> store.putConfig(k, v, clock.now()));
    }

    /** The lane whose series {@code bar} belongs to (its symbol, the bot's timeframe), or null for any other series. */
    private Lane laneOf(Bar bar) {
        if (bar.timeframe() != config.timeframe() && !bar.timeframe().equals(config.timeframe())) return null;
        if (bar.symbol() == config.symbol() || bar.symbol().equals(config.symbol())) return lanes.get(0);
        return lanes.size() == 1 ? null : lane(bar.symbol());
    }

    private void markEquity(Instant now) {
        BigDecimal equity = portfolio.isFlat() ? portfolio.cash() : equity();
        curve.add(now, equity);
        if (!now.isBefore(nextEquityAt)) {
            nextEquityAt = now.plus(config.equityInterval());
            recordEquity(now);
        }
    }

    private void recordEquity(Instant now) {
        if (portfolio == null) return;
        BigDecimal unrealized = portfolio.unrealizedPnl(marks);
        store.recordEquity(new EquitySnapshot(now, equity(), portfolio.cash(),
                portfolio.grossRealizedPnl().subtract(portfolio.totalFees()), unrealized));
    }

    private void rollDay(Instant now) {
        long day = Math.floorDiv(now.getEpochSecond() - dayBoundaryHour * 3600L, 86_400L);
        if (day != currentDay) {
            currentDay = day;
            if (portfolio != null) dayStartEquity = equity();
        }
    }

    void onOrderUpdate(OrderUpdate update) {
        orders.onUpdate(update).ifPresent(this::orderChanged);
    }

    /** An order changed: journaled, then heard by the safety manager and the strategy, whose answer commits with it. */
    void orderChanged(Order order) {
        inOneCommit(() -> orderChangedNow(order));
    }

    private void orderChangedNow(Order order) {
        store.updateOrder(order);
        if (hasListeners()) publish(new BotEvent.OrderChanged(clock.now(), order));
        safety.onOrder(order);
        if (strategyFailure != null) return;
        Lane lane = laneOrFirst(order.symbol());
        try {
            lane.strategy.onOrderUpdate(order, lane.context);
        } catch (RuntimeException e) {
            strategyFailed("onOrderUpdate", e);
        }
    }

    /**
     * Applies a fill of this bot's order once: journal, orders, account, risk and the strategy's answer. The fill and
     * the orders the strategy sends in answer commit together ({@link #inOneCommit}): a restart never finds the fill
     * without the answer, which the strategy would not give again.
     */
    void applyFill(Fill fill) {
        if (loop instanceof DirectLoop) applyFillOnce(fill); // a backtest: no scope, no lambda per fill
        else inOneCommit(() -> applyFillOnce(fill));
    }

    /**
     * Runs {@code work} so that what it journals commits with the orders it writes ahead ({@link StateStore#inOneCommit}),
     * together with the strategies' state after it: a bar's equity mark with the orders the strategy sends on that bar,
     * a fill with the orders sent in answer. A backtest (direct loop, nothing to crash into) just runs it.
     */
    private void inOneCommit(Runnable work) {
        if (!(loop instanceof DirectLoop)) {
            commitDepth++;
            try {
                store.inOneCommit(() -> {
                    work.run();
                    journalStrategyState();
                });
            } finally {
                commitDepth--;
            }
            if (commitDepth == 0 && !sendsAfterCommit.isEmpty()) {
                List<Runnable> sends = new ArrayList<>(sendsAfterCommit);
                sendsAfterCommit.clear();
                sends.forEach(Runnable::run);
            }
        } else {
            work.run();
        }
    }

    /**
     * Runs {@code send} (an order's trip to the venue) now, or, inside {@link #inOneCommit}, once the commit holding the
     * order, the fill or bar it answers and the strategy's state after it is durable: the venue never holds an order
     * whose strategy state a crash could lose.
     */
    void afterCommit(Runnable send) {
        if (commitDepth > 0) sendsAfterCommit.add(send);
        else send.run();
    }

    /**
     * Journals the strategies' state when it changed, inside the commit scope whose fills, bars and orders changed it
     * (the grid's ladder and ledger of round trips): a restart finds the state that goes with the journal's orders and
     * fills, never an older one from a timer ({@link Recovery#load} prefers it to the snapshot's).
     */
    private void journalStrategyState() {
        String state = LaneStates.save(lanes);
        if (!state.equals(journaledStrategyState)) {
            store.putConfig(STRATEGY_STATE_KEY, state, clock.now());
            journaledStrategyState = state;
        }
        // Restored ahead of the bot's bar mark (a bar it acted on but did not mark), the state holds that bar all the same.
        Instant bar = strategyActedUpTo != null && (lastBarTime == null || strategyActedUpTo.isAfter(lastBarTime)) ? strategyActedUpTo : lastBarTime;
        if (bar != null && !bar.equals(journaledStrategyBar)) {
            store.putConfig(STRATEGY_STATE_BAR_KEY, bar.toString(), clock.now());
            journaledStrategyBar = bar;
        }
        if (lanes.size() > 1) {
            String bars = LaneStates.actedUpTo(lanes);
            if (!bars.equals(journaledStrategyBars)) {
                store.putConfig(STRATEGY_STATE_BARS_KEY, bars, clock.now());
                journaledStrategyBars = bars;
            }
        }
    }

    /**
     * A pair whose strategy is one bar behind the bot's (a process killed between two pairs' bars of one close time):
     * its strategy is handed that bar now, which the restart preloaded as the pair's latest, so that no pair skips a bar
     * another acted on. Only the pair's latest bar is handed over: an earlier one would meet a cache already holding
     * the bars after it.
     */
    private void catchUpLanes() {
        if (lanes.size() < 2 || strategyActedUpTo == null) return;
        for (Lane lane : lanes) {
            if (lane.actedUpTo == null || !lane.actedUpTo.isBefore(strategyActedUpTo)) continue;
            Bar latest = data.last(lane.symbol, config.timeframe()).orElse(null);
            if (latest == null) continue;
            Instant close = latest.closeTime();
            if (!close.isAfter(lane.actedUpTo) || close.isAfter(strategyActedUpTo)) continue;
            log.info("pair {}: its strategy had not acted on the bar closing {} when the bot stopped; it acts on it now", lane.symbol, close);
            inOneCommit(() -> actOnBar(lane, latest, close)); // only a restarted bot, never a backtest, has a lane behind
        }
    }

    /**
     * The strategy state journaled last and the last bar it had acted on (with several pairs, each pair's too), read by
     * {@link Recovery#load}: the state is not written again unchanged, a bar fed again does not reach a strategy twice,
     * and a pair left one bar behind is handed that bar at start ({@link #catchUpLanes}).
     */
    void strategyStateJournaled(String state, Optional<Instant> actedUpTo, java.util.Map<String, Instant> byPair, String byPairJournaled) {
        journaledStrategyState = state;
        journaledStrategyBar = actedUpTo.orElse(null);
        strategyActedUpTo = actedUpTo.orElse(null);
        journaledStrategyBars = byPairJournaled;
        // A journal of one pair, or written before marks per pair: every pair acted on the bot's last bar.
        for (Lane lane : lanes) lane.actedUpTo = byPair.getOrDefault(lane.symbol, strategyActedUpTo);
    }

    /**
     * Journals each bar the bot acts on as acted on, in the commit of the bar's own orders: a live bot, whose bars come
     * from the venue's stream, so that a restart knows which closed bars it missed ({@link #journaledBarMark}).
     */
    public void markEachBar() {
        this.marksEachBar = true;
    }

    private void onBarMarked(Bar bar, Instant closeTime) {
        Instant before = lastBarTime;
        onBar(bar, closeTime);
        if (marksEachBar && lastBarTime != before) markBarActedOn();
    }

    private void applyFillOnce(Fill fill) {
        Optional<Order> order = orders.get(fill.clientOrderId());
        if (order.isEmpty() && allocation.isBudgeted() && !fill.clientOrderId().startsWith(OrderManager.clientIdPrefix(config.botId()) + "-")) {
            // An account shared by budget: another bot's fill reaches every bot on the account's stream.
            log.debug("fill {} is for order {} of another bot on the account; not this bot's", fill.fillId(), fill.clientOrderId());
            return;
        }
        if (order.isEmpty()) {
            reportError("fills", ErrorCategory.ORDER_NOT_FOUND, RecoveryAction.RESYNC_STATE,
                    "fill " + fill.fillId() + " is for order " + fill.clientOrderId() + " that this bot did not send; not applied");
            return;
        }
        if (!store.recordFill(fill)) return; // applied before: each fill id counts once
        fillsApplied++;
        if (auditTrades) TradeAudit.fill(this, fill);
        BigDecimal realized = portfolio.apply(fill, instrument(fill.symbol()), io.tradekit.core.ExitReason.ofOrderTag(order.get().tag()));
        Order filled = orders.onFill(fill).orElse(null);
        if (filled != null) {
            store.updateOrder(filled);
            if (hasListeners()) publish(new BotEvent.OrderChanged(clock.now(), filled));
            safety.onOrder(filled);
        }
        watchMargin();
        RiskContext seen = laneOrFirst(fill.symbol()).policyView;
        for (RiskPolicy p : policies) p.onFill(fill, realized, seen);
        safety.onFill(fill);
        if (hasListeners()) publish(new BotEvent.FillApplied(fill.time(), fill, portfolio.position(fill.symbol()), realized));
        if (strategyFailure == null) {
            Lane lane = laneOrFirst(fill.symbol());
            try {
                lane.strategy.onFill(fill, lane.context);
                Order done = orders.get(fill.clientOrderId()).orElse(null);
                if (done != null && done.status() == OrderStatus.FILLED) lane.strategy.onOrderUpdate(done, lane.context);
            } catch (RuntimeException e) {
                strategyFailed("onFill", e);
            }
        }
        safety.evaluate("fill");
    }

    // ---------------------------------------------------------------- orders: the gate, then the execution side

    /** A lane's strategy's signal, sized by the bot's sizer (BUY) or closing the long position (SELL). */
    void signal(Lane lane, Signal signal) {
        gate.signal(lane, signal);
    }

    /** The one pipeline every order goes through. */
    Submission submit(OrderIntent requested) {
        return gate.submit(requested);
    }

    /** Writes the order ahead and sends it; used directly by flatten, which bypasses policies but not the journal. */
    Submission send(OrderIntent intent, Instant now) {
        return execution.send(intent, now);
    }

    void resend(Order order) {
        execution.resend(order);
    }

    void scheduleLookup(String clientOrderId, String symbol, int attempt) {
        execution.scheduleLookup(clientOrderId, symbol, attempt);
    }

    void fetchFills(String symbol, Instant since) {
        execution.fetchFills(symbol, since);
    }

    void cancel(String clientOrderId) {
        execution.cancel(clientOrderId);
    }

    void cancelAll() {
        execution.cancelAll();
    }

    Submission amend(String clientOrderId, java.math.BigDecimal newQuantity) {
        return execution.amend(clientOrderId, newQuantity);
    }

    boolean isReducing(OrderIntent intent) {
        return gate.isReducing(intent);
    }

    // ---------------------------------------------------------------- state and reporting

    /** Moves the bot to {@code to}, journaled with who asked and why. */
    void transition(BotState to, String actor, String reason) {
        BotState from = state;
        if (from == to) return;
        state = to;
        // An operator's resume takes the bot off the failure: the strategy is called again.
        if (to == BotState.RUNNING && from == BotState.PAUSED) strategyFailure = null;
        audit("state", actor, from + " -> " + to + ": " + reason, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        publish(new BotEvent.StateChanged(clock.now(), from, to, actor, reason));
    }

    void audit(String type, String actor, String reason, String inputsJson) {
        store.recordEvent(new AuditEvent(clock.now(), type, actor, reason, inputsJson));
    }

    void reportError(String source, ErrorCategory category, RecoveryAction action, String message) {
        // A venue refusing an order (post-only would match, funds, filters) is the venue working: it is an
        // event and an audit line, logged quietly; a fault in the plumbing is a warning.
        if (category == ErrorCategory.INVALID_ORDER || category == ErrorCategory.INSUFFICIENT_FUNDS) {
            log.debug("{}: {} ({} -> {})", source, message, category, action);
        } else {
            log.warn("{}: {} ({} -> {})", source, message, category, action);
        }
        audit("error", source, message, "{\"category\":\"" + category + "\",\"action\":\"" + action + "\"}");
        publish(new BotEvent.ErrorOccurred(clock.now(), source, category, action, message));
        safety.onError(source, category, action, message);
    }

    /**
     * Whether a host listens to the bot's events. Events that are not risk events (orders submitted and changed,
     * fills applied) go only to host listeners, so without one they need not be built.
     */
    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void publish(BotEvent event) {
        safety.onPublished(event);
        for (Consumer<BotEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("a bot event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    // ---------------------------------------------------------------- views

    Instrument instrument(String symbol) {
        if (instrument != null && instrument.symbol().equals(symbol)) return instrument;
        Lane lane = lane(symbol);
        if (lane != null && lane.instrument != null) return lane.instrument;
        return venue.instrument(symbol);
    }

    public BigDecimal equity() {
        return portfolio.equity(marks);
    }

    public BigDecimal dayStartEquity() {
        return dayStartEquity == null ? equity() : dayStartEquity;
    }

    public BotState state() {
        return state;
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public OrderManager orders() {
        return orders;
    }

    public EquityCurve equityCurve() {
        return curve;
    }

    public MarketDataCache marketData() {
        return data;
    }

    public EngineContext context() {
        return context;
    }

    public SafetyManager safety() {
        return safety;
    }

    public long barsProcessed() {
        return barsProcessed;
    }

    public long ordersSent() {
        return execution.ordersSent();
    }

    public long ordersDenied() {
        return gate.ordersDenied();
    }

    public long fillsApplied() {
        return fillsApplied;
    }

    public List<RiskPolicy> policies() {
        return policies;
    }

    /** The strategy trading the first pair (the one a report describes); its views are the loop's. */
    public Strategy strategy() {
        return strategy;
    }

    List<Order> openOrders() {
        return new ArrayList<>(orders.openOrders());
    }
}
