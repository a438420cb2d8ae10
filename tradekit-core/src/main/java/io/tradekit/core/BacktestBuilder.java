package io.tradekit.core;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Instrument;
import io.tradekit.api.Params;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.internal.Backtest;
import io.tradekit.core.internal.DefaultInstrument;
import io.tradekit.core.internal.SafetyConfig;
import io.tradekit.core.protection.Protections;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.PercentOfEquity;
import io.tradekit.core.sizing.PositionSizer;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sets up a backtest: the same engine as a live bot, driven by the data's clock on the caller's thread,
 * against the paper exchange. Everything is validated in {@link #run()} before the first bar.
 *
 * <pre>{@code BacktestResult r = TradeKit.backtest().bars(bars).strategy("sma-cross", Map.of("fast", "10")).run();}</pre>
 *
 * <p>Over several pairs ({@link #pairs}) the bot runs one lane per pair (a fresh strategy per pair, one shared
 * account, one position per pair at most); bars of all pairs are fed in order of close time, and bars that close
 * at the same time in the order the pairs were given. The result's {@code symbol} is then the pairs joined by commas.
 */
public final class BacktestBuilder {

    private List<Bar> bars;
    private Map<String, List<Bar>> pairBars;
    private final Map<String, Instrument> instruments = new java.util.HashMap<>();
    private java.util.function.Supplier<? extends Strategy> strategyFactory;
    private String strategyName;
    private Map<String, String> strategyParams = Map.of();
    private Strategy strategy;
    private BigDecimal cash = new BigDecimal("10000");
    private BigDecimal makerFeeBps = BigDecimal.TEN;
    private BigDecimal takerFeeBps = BigDecimal.TEN;
    private BigDecimal slippageBps = BigDecimal.ZERO;
    private FillModel fillModel = FillModel.CLOSE;
    private BigDecimal participationCap = BigDecimal.ZERO;
    private boolean stopOnStrategyFailure;
    private BigDecimal leverage = BigDecimal.ONE;
    private io.tradekit.api.MarginRules perpetualRules;
    private io.tradekit.core.perp.FundingRates funding = io.tradekit.core.perp.FundingRates.NONE;
    private RiskLimits limits = RiskLimits.none();
    private PositionSizer sizer = PercentOfEquity.all();
    private StateStore store;
    private ProgressListener progress = ProgressListener.NONE;
    private Plugins plugins;
    private boolean keepEquityCurve = true;
    private final List<Consumer<BotEvent>> listeners = new ArrayList<>();
    private SafetyConfig safety = SafetyConfig.defaults();

    /**
     * The last series a run found in order, by identity. {@link #bars} keeps an unmodifiable list ({@link List#copyOf}
     * returns such a list as it is) and bars are records, so a list that passed once passes again: a parameter sweep that
     * runs many backtests over one list walks its million bars once, not once per run. Weakly held, so it keeps no bars
     * alive; two threads that race on it only check a series twice.
     */
    private static volatile WeakReference<List<Bar>> lastCheckedSeries = new WeakReference<>(null);

    BacktestBuilder() {
    }

    /**
     * The bars to run over, all of one symbol and timeframe, oldest first; replaces any {@link #pairs} given before.
     *
     * @param bars the bars, copied unless the list is unmodifiable already; checked in {@link #run()} (at least one, one
     *             symbol and timeframe, each after the one before), once per unmodifiable list
     * @return this builder
     */
    public BacktestBuilder bars(List<Bar> bars) {
        this.bars = List.copyOf(bars);
        this.pairBars = null;
        return this;
    }

    /**
     * Runs over several pairs: each symbol's bars (all of one timeframe, the same for every pair, oldest first),
     * in the order the map iterates (use a {@link java.util.LinkedHashMap}); the first pair is the bot's first.
     *
     * Replaces any {@link #bars} given before.
     * 
     * @param barsBySymbol each pair's symbol and its bars; the lists are copied
     * @return this builder
     */
    public BacktestBuilder pairs(Map<String, List<Bar>> barsBySymbol) {
        Map<String, List<Bar>> copy = new java.util.LinkedHashMap<>();
        barsBySymbol.forEach((symbol, list) -> copy.put(symbol, List.copyOf(list)));
        this.pairBars = copy;
        this.bars = null;
        return this;
    }

    /**
     * An instrument's filters (one per pair, by its symbol); by default derived from the bars (see {@link DefaultInstrument}).
     *
     * @param instrument the instrument; replaces one given before for the same symbol
     * @return this builder
     */
    public BacktestBuilder instrument(Instrument instrument) {
        this.instruments.put(instrument.symbol(), instrument);
        return this;
    }

    /**
     * A strategy by its registered name, made from {@code params} by its provider (found through {@link #plugins}).
     * An unknown name or bad parameters are reported by {@link #run()}.
     *
     * @param name   the strategy's name, e.g. {@code sma-cross}
     * @param params its parameters as text, copied
     * @return this builder
     */
    public BacktestBuilder strategy(String name, Map<String, String> params) {
        this.strategyName = name;
        this.strategyParams = Map.copyOf(params);
        this.strategy = null;
        this.strategyFactory = null;
        return this;
    }

    /**
     * A strategy object made by the caller, reported under its class's simple name. One object cannot trade several
     * {@link #pairs}; use {@link #strategyPerPair} for those.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public BacktestBuilder strategy(Strategy strategy) {
        this.strategy = strategy;
        this.strategyName = null;
        this.strategyFactory = null;
        return this;
    }

    /**
     * A strategy made by the caller, one fresh instance per pair from {@code factory}, reported under {@code name}.
     *
     * @param name    the name the result reports; not null
     * @param factory makes one strategy per pair; not null
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code factory} is null
     */
    public BacktestBuilder strategyPerPair(String name, java.util.function.Supplier<? extends Strategy> factory) {
        this.strategyFactory = Objects.requireNonNull(factory, "factory");
        this.strategyName = Objects.requireNonNull(name, "name");
        this.strategy = null;
        return this;
    }

    /**
     * A strategy made by the caller (for example through its provider, to read its own figures after the
     * run), reported under {@code name}.
     *
     * @param name     the name the result reports; not null
     * @param strategy the strategy; not null
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code strategy} is null
     */
    public BacktestBuilder strategy(String name, Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.strategyName = Objects.requireNonNull(name, "name");
        this.strategyFactory = null;
        return this;
    }

    /**
     * Starting cash in the quote asset (default 10 000); {@link #run()} refuses zero or less.
     *
     * @param cash the starting balance
     * @return this builder
     */
    public BacktestBuilder cash(BigDecimal cash) {
        this.cash = cash;
        return this;
    }

    /**
     * The same fee for makers and takers, in basis points (10 = 0.1 %); default 10.
     *
     * @param bps the fee in basis points; {@link #run()} refuses a negative one
     * @return this builder
     */
    public BacktestBuilder feeBps(BigDecimal bps) {
        return fees(bps, bps);
    }

    /**
     * The paper venue's maker and taker fees, in basis points (10 = 0.1 %); default 10 each.
     *
     * @param makerBps the fee on orders that rest on the book; {@link #run()} refuses a negative one
     * @param takerBps the fee on orders that take liquidity; {@link #run()} refuses a negative one
     * @return this builder
     */
    public BacktestBuilder fees(BigDecimal makerBps, BigDecimal takerBps) {
        this.makerFeeBps = makerBps;
        this.takerFeeBps = takerBps;
        return this;
    }

    /**
     * Slippage on market orders, in basis points (default 0).
     *
     * @param bps the slippage; {@link #run()} refuses a negative one
     * @return this builder
     */
    public BacktestBuilder slippageBps(BigDecimal bps) {
        this.slippageBps = bps;
        return this;
    }

    /**
     * Where market orders placed at a bar's close fill: that close (default, {@link FillModel#CLOSE}) or the next bar's open ({@link FillModel#NEXT_OPEN}).
     *
     * @param model the fill model; not null
     * @return this builder
     * @throws NullPointerException if {@code model} is null
     */
    public BacktestBuilder fillModel(FillModel model) {
        this.fillModel = Objects.requireNonNull(model, "fillModel");
        return this;
    }

    /**
     * At most {@code fraction} of each bar's volume fills for the bot in that bar; the rest of an order stays open (0: no cap).
     *
     * @param fraction a fraction of the bar's volume (0.1 = 10 %), not a percentage; default 0
     * @return this builder
     * @throws NullPointerException if {@code fraction} is null
     */
    public BacktestBuilder participationCap(BigDecimal fraction) {
        this.participationCap = Objects.requireNonNull(fraction, "participationCap");
        return this;
    }

    /**
     * The leverage of a run on a perpetual instrument ({@link Instrument#asLinearPerpetual}); default 1.
     * Entries are sized so that their margin (notional over leverage) and fee fit the available balance.
     *
     * @param leverage the leverage, e.g. 3 for 3x; not null
     * @return this builder
     * @throws NullPointerException if {@code leverage} is null
     */
    public BacktestBuilder leverage(BigDecimal leverage) {
        this.leverage = Objects.requireNonNull(leverage, "leverage");
        return this;
    }

    /**
     * Trades the instrument (given, or derived from the bars) as a linear perpetual under {@code rules}, for
     * example {@link io.tradekit.core.perp.PaperMarginRules#DEFAULT}.
     *
     * @param rules the margin rules; not null
     * @return this builder
     * @throws NullPointerException if {@code rules} is null
     */
    public BacktestBuilder linearPerpetual(io.tradekit.api.MarginRules rules) {
        this.perpetualRules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /**
     * The funding rates the paper venue settles a perpetual's positions at (default none).
     *
     * @param rates the funding rates; not null
     * @return this builder
     * @throws NullPointerException if {@code rates} is null
     */
    public BacktestBuilder funding(io.tradekit.core.perp.FundingRates rates) {
        this.funding = Objects.requireNonNull(rates, "funding");
        return this;
    }

    /**
     * Whether a strategy that throws stops the run's bot instead of pausing it (either way the result carries the failure).
     *
     * @param stop true to stop, false (default) to pause
     * @return this builder
     */
    public BacktestBuilder stopOnStrategyFailure(boolean stop) {
        this.stopOnStrategyFailure = stop;
        return this;
    }

    /**
     * The risk limits the bot's orders are checked against (default {@link RiskLimits#none()}).
     *
     * @param limits the limits; not null
     * @return this builder
     * @throws NullPointerException if {@code limits} is null
     */
    public BacktestBuilder risk(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * How entries are sized (default: all the equity, {@link PercentOfEquity#all()}).
     *
     * @param sizer the position sizer; not null
     * @return this builder
     * @throws NullPointerException if {@code sizer} is null
     */
    public BacktestBuilder sizer(PositionSizer sizer) {
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        return this;
    }

    /**
     * Where the run's orders, fills and events are journaled (default: the {@code memory} store of {@link #plugins}).
     *
     * @param store the store; null for the default
     * @return this builder
     */
    public BacktestBuilder store(StateStore store) {
        this.store = store;
        return this;
    }

    /**
     * Told how many bars of the run are done as it goes (default: nobody).
     *
     * @param listener the listener, called on the caller's thread; not null
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public BacktestBuilder progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "progress");
        return this;
    }

    /**
     * Where strategies and stores are found by name (default: {@link Plugins#discover()}).
     *
     * @param plugins the plugins; null for the default
     * @return this builder
     */
    public BacktestBuilder plugins(Plugins plugins) {
        this.plugins = plugins;
        return this;
    }

    /**
     * Adds a listener for every event the run's bot emits; it may be called several times to add several.
     *
     * @param listener the listener; not null
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public BacktestBuilder onEvent(Consumer<BotEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Stop-loss, take-profit, trailing stop and breakeven move that core keeps on the position. A run over several
     * {@link #pairs} refuses them.
     *
     * @param protections the protections
     * @return this builder
     */
    public BacktestBuilder protection(Protections protections) {
        safety = safety.withProtections(protections);
        return this;
    }

    /**
     * How flattens (a FLATTEN or EMERGENCY_STOP verdict) are carried out.
     *
     * @param options the flatten options
     * @return this builder
     */
    public BacktestBuilder flattenOptions(FlattenOptions options) {
        safety = safety.withFlatten(options);
        return this;
    }

    /**
     * A listener for every risk event: alerts, refused orders, moves into and out of the safety states.
     *
     * @param listener the listener
     * @return this builder
     */
    public BacktestBuilder onRisk(Consumer<BotEvent> listener) {
        safety = safety.withRiskListener(listener);
        return this;
    }

    /**
     * Whether to keep the equity curve for reports (on by default; benchmarks turn it off).
     *
     * @param keep true to keep it
     * @return this builder
     */
    public BacktestBuilder keepEquityCurve(boolean keep) {
        this.keepEquityCurve = keep;
        return this;
    }

    /**
     * Checks the setup, then runs the backtest to its last bar on the caller's thread.
     *
     * @return the run's trades, equity curve and figures
     * @throws io.tradekit.api.InvalidInputException if there are no bars or no strategy, cash is not positive, a fee or
     *         slippage is negative, the bars are out of order or mix symbols or timeframes, the instrument's symbol is not
     *         the bars', or (over several pairs) the pairs differ in timeframe or quote asset; the message says which
     */
    public BacktestResult run() {
        if (pairBars != null) return runPairs();
        if (bars == null || bars.isEmpty()) throw new InvalidInputException("backtest: no bars; call .bars(list) with at least one bar");
        if (strategy == null && strategyName == null) {
            throw new InvalidInputException("backtest: no strategy; call .strategy(\"sma-cross\", params) or .strategy(myStrategy)");
        }
        checkMoney();
        Bar first = bars.get(0);
        if (lastCheckedSeries.get() != bars) {
            checkSeries("", bars, first.symbol(), first.timeframe());
            lastCheckedSeries = new WeakReference<>(bars);
        }
        Plugins resolved = plugins != null ? plugins : Plugins.discover();
        Instrument given = instruments.size() == 1 ? instruments.values().iterator().next()
                : instruments.getOrDefault(first.symbol(), DefaultInstrument.forBars(first.symbol(), bars));
        Instrument inst = perpetualRules != null ? given.asLinearPerpetual(perpetualRules) : given;
        if (!inst.symbol().equals(first.symbol())) {
            throw new InvalidInputException("backtest: instrument is " + inst.symbol() + " but the bars are " + first.symbol());
        }
        String name = strategyName != null ? strategyName : strategy.getClass().getSimpleName();
        Strategy strat = newStrategy(resolved);
        PaperSettings paper = paperSettings(PaperSettings.of(inst, cash));
        return new Backtest(name, bars, inst, strat, paper, limits, sizer, journal(resolved), resolved, progress, listeners, keepEquityCurve)
                .withSafety(safety).stopOnStrategyFailure(stopOnStrategyFailure).ownStore(store == null).leverage(leverage).run();
    }

    /** A run over several pairs: each pair's series checked, one lane per pair, the bars merged in time order. */
    private BacktestResult runPairs() {
        if (pairBars.isEmpty()) throw new InvalidInputException("backtest: no pairs; call .pairs(map) with at least one symbol's bars");
        if (strategy != null && pairBars.size() > 1) {
            throw new InvalidInputException("backtest: a strategy object cannot trade several pairs, each pair needs its own instance; "
                    + "give the strategy by name (.strategy(\"sma-cross\", params)) or as a factory (.strategyPerPair(name, MyStrategy::new))");
        }
        if (strategy == null && strategyName == null) {
            throw new InvalidInputException("backtest: no strategy; call .strategy(\"sma-cross\", params) or .strategyPerPair(name, factory)");
        }
        if (!safety.protections().isEmpty()) {
            throw new InvalidInputException("backtest: protections (stop-loss, take-profit, trailing stop) keep one position's levels; "
                    + "they are not available on a run over several pairs");
        }
        checkMoney();
        String firstSymbol = pairBars.keySet().iterator().next();
        Timeframe timeframe = null;
        for (var e : pairBars.entrySet()) {
            if (e.getValue().isEmpty()) throw new InvalidInputException("backtest: pair " + e.getKey() + " has no bars");
            Timeframe tf = e.getValue().get(0).timeframe();
            if (timeframe != null && !tf.equals(timeframe)) {
                throw new InvalidInputException("backtest: pair " + e.getKey() + " has " + tf + " bars but " + firstSymbol + " has " + timeframe
                        + "; every pair of a run has the same timeframe");
            }
            timeframe = tf;
            checkSeries("pair " + e.getKey() + ": ", e.getValue(), e.getKey(), tf);
        }
        Plugins resolved = plugins != null ? plugins : Plugins.discover();
        List<Instrument> traded = new ArrayList<>();
        for (var e : pairBars.entrySet()) {
            Instrument given = instruments.getOrDefault(e.getKey(), DefaultInstrument.forBars(e.getKey(), e.getValue()));
            traded.add(perpetualRules != null ? given.asLinearPerpetual(perpetualRules) : given);
        }
        String quote = traded.get(0).quoteAsset();
        for (Instrument i : traded) {
            if (!i.quoteAsset().equals(quote)) {
                throw new InvalidInputException("backtest: pair " + i.symbol() + " is quoted in " + i.quoteAsset() + " but " + firstSymbol
                        + " in " + quote + "; the pairs of a run share one quote asset");
            }
        }
        String name = strategyName != null ? strategyName : strategy.getClass().getSimpleName();
        Strategy first = newStrategy(resolved);
        Map<String, Strategy> more = new java.util.LinkedHashMap<>();
        for (String symbol : pairBars.keySet()) if (!symbol.equals(firstSymbol)) more.put(symbol, newStrategy(resolved));
        PaperSettings paper = paperSettings(PaperSettings.of(traded, Map.of(quote, cash)));
        return new Backtest(name, Backtest.merge(pairBars), traded.get(0), first, paper, limits, sizer, journal(resolved),
                resolved, progress, listeners, keepEquityCurve)
                .withSafety(safety).stopOnStrategyFailure(stopOnStrategyFailure).ownStore(store == null).leverage(leverage).pairs(more).run();
    }

    private void checkMoney() {
        requireNonNegative(cash, "cash");
        requireNonNegative(makerFeeBps, "maker fee (bps)");
        requireNonNegative(takerFeeBps, "taker fee (bps)");
        requireNonNegative(slippageBps, "slippage (bps)");
        if (cash.signum() == 0) throw new InvalidInputException("backtest: cash must be positive");
    }

    /** One series: every bar of {@code symbol} and {@code timeframe}, in time order without duplicates. */
    private static void checkSeries(String where, List<Bar> series, String symbol, Timeframe timeframe) {
        for (int i = 0; i < series.size(); i++) {
            Bar b = series.get(i);
            boolean sameSeries = (b.symbol() == symbol || b.symbol().equals(symbol))
                    && (b.timeframe() == timeframe || b.timeframe().equals(timeframe));
            if (!sameSeries) {
                throw new InvalidInputException("backtest: " + where + "bar " + i + " is " + b.symbol() + " " + b.timeframe() + " but the run is "
                        + symbol + " " + timeframe + "; one symbol and timeframe per " + (where.isEmpty() ? "backtest (several pairs: .pairs(map))" : "pair"));
            }
            if (i > 0 && !b.openTime().isAfter(series.get(i - 1).openTime())) {
                throw new InvalidInputException("backtest: " + where + "bar " + i + " (" + b.openTime() + ") is not after bar " + (i - 1)
                        + " (" + series.get(i - 1).openTime() + "); bars must be in time order without duplicates");
            }
        }
    }

    /** The run's strategy: the object given, a fresh one from the factory, or a fresh one by name. */
    private Strategy newStrategy(Plugins resolved) {
        if (strategy != null) return strategy;
        if (strategyFactory != null) return strategyFactory.get();
        return resolved.strategy(strategyName).create(Params.of(strategyName, strategyParams));
    }

    private PaperSettings paperSettings(PaperSettings base) {
        return base.withFees(makerFeeBps, takerFeeBps).withSlippage(slippageBps).withFillModel(fillModel)
                .withParticipationCap(participationCap).withFunding(funding);
    }

    private StateStore journal(Plugins resolved) {
        return store != null ? store : resolved.store("memory").open("backtest", Params.empty("memory store"));
    }

    private static void requireNonNegative(BigDecimal v, String what) {
        if (v == null || v.signum() < 0) throw new InvalidInputException("backtest: " + what + " must be zero or more, got " + v);
    }
}
