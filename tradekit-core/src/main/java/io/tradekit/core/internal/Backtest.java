package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.ProgressListener;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.PositionSizer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a bot's engine over bars on the caller's thread: the paper exchange plays each bar's price path
 * first (resting orders fill where the path reaches them, and the loop is drained at every stop, so the
 * bot answers a fill before the path goes on), then the engine handles the closed bar, and every
 * outcome is drained before the next bar. Deterministic: the same inputs give the same orders and fills.
 * A run over several pairs gets its bars merged in time order ({@link #merge}), each played the same way.
 */
public final class Backtest {

    /**
     * How many finished orders a backtest's venue keeps (see {@link io.tradekit.core.paper.MatchingEngine#keepFinishedOrders}).
     * A backtest's bot hears of every finish before the path moves on, so only an order that finished at the same price
     * point can still be named to the venue (a cancel crossing a fill). 64 covers that many times over, and forgetting an
     * order while its entry is still in the processor's cache made the dense grid benchmark 2–3 % faster than 1024 did.
     */
    static final int FINISHED_ORDERS_AT_VENUE = 64;

    private final String strategyName;
    private final List<Bar> bars;
    private final Instrument instrument;
    private final Strategy strategy;
    private final PaperSettings paper;
    private final RiskLimits limits;
    private final PositionSizer sizer;
    private final StateStore store;
    private final Plugins plugins;
    private final ProgressListener progress;
    private final List<Consumer<BotEvent>> listeners;
    private final boolean keepCurve;
    private SafetyConfig safety = SafetyConfig.defaults();
    private boolean stopOnStrategyFailure;
    private boolean ownStore;
    private BigDecimal leverage = BigDecimal.ONE;
    private java.util.Map<String, Strategy> morePairs = java.util.Map.of();
    private boolean pairs;

    public Backtest(String strategyName, List<Bar> bars, Instrument instrument, Strategy strategy, PaperSettings paper,
                    RiskLimits limits, PositionSizer sizer, StateStore store, Plugins plugins, ProgressListener progress,
                    List<Consumer<BotEvent>> listeners, boolean keepCurve) {
        this.strategyName = strategyName;
        this.bars = bars;
        this.instrument = instrument;
        this.strategy = strategy;
        this.paper = paper;
        this.limits = limits;
        this.sizer = sizer;
        this.store = store;
        this.plugins = plugins;
        this.progress = progress;
        this.listeners = listeners;
        this.keepCurve = keepCurve;
    }

    /** The protections, flatten options and risk listeners of the run. */
    public Backtest withSafety(SafetyConfig config) {
        this.safety = config;
        return this;
    }

    /**
     * The store is the run's own, opened for it and dropped with it (no caller can read it afterwards): see
     * {@link BotEngine#throwJournalAway()}.
     */
    public Backtest ownStore(boolean own) {
        this.ownStore = own;
        return this;
    }

    /** Whether a strategy's exception stops the bot (else it pauses). */
    public Backtest stopOnStrategyFailure(boolean stop) {
        this.stopOnStrategyFailure = stop;
        return this;
    }

    /**
     * Runs the bot as a bot with several pairs: one position per pair, and a lane for each symbol of
     * {@code more} (in its iteration order) with its own strategy instance, besides the first pair's.
     */
    public Backtest pairs(java.util.Map<String, Strategy> more) {
        this.morePairs = new java.util.LinkedHashMap<>(more);
        this.pairs = true;
        return this;
    }

    /**
     * The bars of several pairs as one run: in order of close time, and bars that close at the same time in the
     * order of {@code bySymbol}'s iteration (the order the pairs were given), so that every run over the same
     * data plays the same sequence.
     */
    public static List<Bar> merge(java.util.Map<String, List<Bar>> bySymbol) {
        List<Bar> all = new ArrayList<>();
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (var e : bySymbol.entrySet()) {
            rank.put(e.getKey(), rank.size());
            all.addAll(e.getValue());
        }
        all.sort(java.util.Comparator.comparing(Bar::closeTime).thenComparing(b -> rank.get(b.symbol())));
        return all;
    }

    /** The leverage of a run on a perpetual (1 for spot). */
    public Backtest leverage(BigDecimal value) {
        this.leverage = value;
        return this;
    }

    public BacktestResult run() {
        long started = System.nanoTime();
        Bar first = bars.get(0);
        var timeframe = first.timeframe();
        DirectLoop loop = new DirectLoop();
        EngineClock.Simulated clock = new EngineClock.Simulated();
        PaperExchange exchange = new PaperExchange(paper);
        // Nothing looks a finished order up at a backtest's venue (no restarts, no unknown outcomes): the journal keeps every
        // order of the result, and the venue a few, instead of a second copy of each for the whole run.
        exchange.matchingEngine().keepFinishedOrders(FINISHED_ORDERS_AT_VENUE);
        EngineConfig config = new EngineConfig("backtest", instrument.symbol(), timeframe,
                paper.sizerFor(sizer),
                paper.buyCostRate(), Math.max(256, strategy.warmupBars() + 2),
                // A backtest's clock is its data: data is never stale, so the guard allows any age.
                Duration.ofDays(36_500), timeframe.duration(), Duration.ofHours(1), keepCurve, leverage);
        List<io.tradekit.api.spi.RiskPolicy> policies = RiskPolicies.forLimits(limits, plugins, "backtest");
        BotEngine engine = new BotEngine(config, strategy, exchange, store, policies, loop, VenueCalls.inline(loop), clock);
        if (strategyName != null) engine.setStrategyName(strategyName);
        morePairs.forEach(engine::addPair);
        if (pairs) engine.holdOnePositionPerPair();
        engine.setStopOnStrategyFailure(stopOnStrategyFailure);
        if (ownStore) engine.throwJournalAway();
        limits.decimal(RiskLimits.DAY_BOUNDARY_HOUR).ifPresent(h -> engine.setDayBoundaryHour(h.intValue()));
        engine.safety().configure(safety);
        List<SafetyEvent> safetyEvents = new ArrayList<>();
        // A risk listener, not an event listener: with no host listener the engine publishes no per-bar events.
        engine.safety().addRiskListener(e -> {
            if (e instanceof BotEvent.RiskAlert a && a.action() != SafetyAction.CONTINUE) {
                safetyEvents.add(new SafetyEvent(a.time(), a.policy(), a.action(), a.reason()));
            }
        });
        listeners.forEach(engine::addListener);
        exchange.connect(event -> loop.execute(() -> engine.handle(event)));

        clock.set(first.openTime());
        engine.advanceClock(first.openTime());
        engine.start();
        loop.drain();
        long total = bars.size();
        long step = Math.max(1, total / 200);
        PaperExchange.Settle settle = time -> {
            clock.set(time);
            loop.drain();
        };
        for (int i = 0; i < total; i++) {
            Bar bar = bars.get(i);
            // One instant for the bar's close, shared by every step that needs it (the venue, the cache, the clocks).
            Instant close = bar.closeTime();
            if (pairs) {
                // The bars of every pair that close with this one are played side by side before the bot hears of any.
                if (i == 0 || !bars.get(i - 1).closeTime().equals(close)) {
                    int end = i + 1;
                    while (end < total && bars.get(end).closeTime().equals(close)) end++;
                    exchange.play(bars.subList(i, end), settle);
                }
            } else {
                exchange.play(bar, close, settle);
            }
            clock.set(close);
            engine.onBarClosed(bar, close);
            loop.drain();
            engine.advanceClock(close);
            loop.drain();
            if (i % step == 0) progress.progress(i + 1, total);
            var invalid = engine.invalidStrategyInput();
            if (invalid.isPresent()) throw invalid.get();
        }
        progress.progress(total, total);
        engine.stop("backtest", "data finished");
        loop.drain();

        long elapsedNanos = System.nanoTime() - started;
        BigDecimal initial = paper.balances().getOrDefault(instrument.quoteAsset(), BigDecimal.ZERO);
        BacktestResult timed = Results.of(engine, strategyName, total, elapsedNanos / 1_000_000, initial, safetyEvents);
        double barsPerSecond = elapsedNanos == 0 ? 0.0 : total / (elapsedNanos / 1e9);
        return timed.withBarsPerSecond(barsPerSecond);
    }

}
