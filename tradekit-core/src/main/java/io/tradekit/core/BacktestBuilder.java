package io.tradekit.core;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Instrument;
import io.tradekit.api.Params;
import io.tradekit.api.RiskLimits;
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
 */
public final class BacktestBuilder {

    private List<Bar> bars;
    private Instrument instrument;
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

    BacktestBuilder() {
    }

    /** The bars to run over, all of one symbol and timeframe, oldest first. */
    public BacktestBuilder bars(List<Bar> bars) {
        this.bars = List.copyOf(bars);
        return this;
    }

    /** The instrument's filters; by default derived from the bars (see {@link DefaultInstrument}). */
    public BacktestBuilder instrument(Instrument instrument) {
        this.instrument = instrument;
        return this;
    }

    public BacktestBuilder strategy(String name, Map<String, String> params) {
        this.strategyName = name;
        this.strategyParams = Map.copyOf(params);
        this.strategy = null;
        return this;
    }

    public BacktestBuilder strategy(Strategy strategy) {
        this.strategy = strategy;
        this.strategyName = null;
        return this;
    }

    /**
     * A strategy made by the caller (for example through its provider, to read its own figures after the
     * run), reported under {@code name}.
     */
    public BacktestBuilder strategy(String name, Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.strategyName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Starting cash in the quote asset (default 10 000). */
    public BacktestBuilder cash(BigDecimal cash) {
        this.cash = cash;
        return this;
    }

    /** The same fee for makers and takers, in basis points (10 = 0.1 %). */
    public BacktestBuilder feeBps(BigDecimal bps) {
        return fees(bps, bps);
    }

    public BacktestBuilder fees(BigDecimal makerBps, BigDecimal takerBps) {
        this.makerFeeBps = makerBps;
        this.takerFeeBps = takerBps;
        return this;
    }

    public BacktestBuilder slippageBps(BigDecimal bps) {
        this.slippageBps = bps;
        return this;
    }

    public BacktestBuilder fillModel(FillModel model) {
        this.fillModel = Objects.requireNonNull(model, "fillModel");
        return this;
    }

    /** At most {@code fraction} of each bar's volume fills for the bot in that bar; the rest of an order stays open (0: no cap). */
    public BacktestBuilder participationCap(BigDecimal fraction) {
        this.participationCap = Objects.requireNonNull(fraction, "participationCap");
        return this;
    }

    /**
     * The leverage of a run on a perpetual instrument ({@link Instrument#asLinearPerpetual}); default 1.
     * Entries are sized so that their margin (notional over leverage) and fee fit the available balance.
     */
    public BacktestBuilder leverage(BigDecimal leverage) {
        this.leverage = Objects.requireNonNull(leverage, "leverage");
        return this;
    }

    /**
     * Trades the instrument (given, or derived from the bars) as a linear perpetual under {@code rules}, for
     * example {@link io.tradekit.core.perp.PaperMarginRules#DEFAULT}.
     */
    public BacktestBuilder linearPerpetual(io.tradekit.api.MarginRules rules) {
        this.perpetualRules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /** The funding rates the paper venue settles a perpetual's positions at (default none). */
    public BacktestBuilder funding(io.tradekit.core.perp.FundingRates rates) {
        this.funding = Objects.requireNonNull(rates, "funding");
        return this;
    }

    /** A strategy that throws stops the run's bot instead of pausing it (either way the result carries the failure). */
    public BacktestBuilder stopOnStrategyFailure(boolean stop) {
        this.stopOnStrategyFailure = stop;
        return this;
    }

    public BacktestBuilder risk(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    public BacktestBuilder sizer(PositionSizer sizer) {
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        return this;
    }

    /** Where the run's orders, fills and events are journaled (default: in memory). */
    public BacktestBuilder store(StateStore store) {
        this.store = store;
        return this;
    }

    public BacktestBuilder progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "progress");
        return this;
    }

    public BacktestBuilder plugins(Plugins plugins) {
        this.plugins = plugins;
        return this;
    }

    public BacktestBuilder onEvent(Consumer<BotEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Stop-loss, take-profit, trailing stop and breakeven move that core keeps on the position. */
    public BacktestBuilder protection(Protections protections) {
        safety = safety.withProtections(protections);
        return this;
    }

    /** How flattens (a FLATTEN or EMERGENCY_STOP verdict) are carried out. */
    public BacktestBuilder flattenOptions(FlattenOptions options) {
        safety = safety.withFlatten(options);
        return this;
    }

    /** A listener for every risk event: alerts, refused orders, moves into and out of the safety states. */
    public BacktestBuilder onRisk(Consumer<BotEvent> listener) {
        safety = safety.withRiskListener(listener);
        return this;
    }

    /** Whether to keep the equity curve for reports (on by default; benchmarks turn it off). */
    public BacktestBuilder keepEquityCurve(boolean keep) {
        this.keepEquityCurve = keep;
        return this;
    }

    public BacktestResult run() {
        if (bars == null || bars.isEmpty()) throw new InvalidInputException("backtest: no bars; call .bars(list) with at least one bar");
        if (strategy == null && strategyName == null) {
            throw new InvalidInputException("backtest: no strategy; call .strategy(\"sma-cross\", params) or .strategy(myStrategy)");
        }
        requireNonNegative(cash, "cash");
        requireNonNegative(makerFeeBps, "maker fee (bps)");
        requireNonNegative(takerFeeBps, "taker fee (bps)");
        requireNonNegative(slippageBps, "slippage (bps)");
        if (cash.signum() == 0) throw new InvalidInputException("backtest: cash must be positive");
        Bar first = bars.get(0);
        for (int i = 1; i < bars.size(); i++) {
            Bar b = bars.get(i);
            boolean sameSeries = (b.symbol() == first.symbol() || b.symbol().equals(first.symbol()))
                    && (b.timeframe() == first.timeframe() || b.timeframe().equals(first.timeframe()));
            if (!sameSeries) {
                throw new InvalidInputException("backtest: bar " + i + " is " + b.symbol() + " " + b.timeframe() + " but the run is "
                        + first.symbol() + " " + first.timeframe() + "; one symbol and timeframe per backtest");
            }
            if (!b.openTime().isAfter(bars.get(i - 1).openTime())) {
                throw new InvalidInputException("backtest: bar " + i + " (" + b.openTime() + ") is not after bar " + (i - 1)
                        + " (" + bars.get(i - 1).openTime() + "); bars must be in time order without duplicates");
            }
        }
        Plugins resolved = plugins != null ? plugins : Plugins.discover();
        Instrument given = instrument != null ? instrument : DefaultInstrument.forBars(first.symbol(), bars);
        Instrument inst = perpetualRules != null ? given.asLinearPerpetual(perpetualRules) : given;
        if (!inst.symbol().equals(first.symbol())) {
            throw new InvalidInputException("backtest: instrument is " + inst.symbol() + " but the bars are " + first.symbol());
        }
        String name = strategyName != null ? strategyName : strategy.getClass().getSimpleName();
        Strategy strat = strategy != null ? strategy : resolved.strategy(strategyName).create(Params.of(strategyName, strategyParams));
        PaperSettings paper = PaperSettings.of(inst, cash).withFees(makerFeeBps, takerFeeBps).withSlippage(slippageBps).withFillModel(fillModel)
                .withParticipationCap(participationCap).withFunding(funding);
        StateStore journal = store != null ? store : resolved.store("memory").open("backtest", Params.empty("memory store"));
        return new Backtest(name, bars, inst, strat, paper, limits, sizer, journal, resolved, progress, listeners, keepEquityCurve)
                .withSafety(safety).stopOnStrategyFailure(stopOnStrategyFailure).leverage(leverage).run();
    }

    private static void requireNonNegative(BigDecimal v, String what) {
        if (v == null || v.signum() < 0) throw new InvalidInputException("backtest: " + what + " must be zero or more, got " + v);
    }
}
