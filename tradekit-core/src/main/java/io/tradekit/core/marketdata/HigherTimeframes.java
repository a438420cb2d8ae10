package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The higher timeframes a bot's strategy reads, made from the bot's closed base bars by one
 * {@link TimeframeAggregator} per symbol and timeframe, and the warm-up they need. Every driver (backtest, replay,
 * paper, live) hands its closed base bars to the one engine, which gives them here: the higher bars are the same
 * in every mode. Owned by the bot's loop thread.
 */
public final class HigherTimeframes {

    private final Timeframe base;
    private final Set<Timeframe> targets;
    private final Map<String, List<TimeframeAggregator>> bySymbol = new HashMap<>();

    /**
     * Higher timeframes of {@code base} bars, made per symbol as the symbol's first bar arrives.
     *
     * @param base the bot's own timeframe, the bars handed to {@link #onBarAdded}
     * @param targets the timeframes to make; {@code base} itself among them is ignored
     * @throws io.tradekit.api.InvalidInputException when a timeframe cannot be made from {@code base} bars
     */
    public HigherTimeframes(Timeframe base, Set<Timeframe> targets) {
        this.base = base;
        this.targets = new TreeSet<>(targets);
        // a strategy may name the bot's own timeframe among its timeframes: its bars are the base bars themselves
        this.targets.remove(base);
        for (Timeframe target : this.targets) new TimeframeAggregator("", base, target);
    }

    /**
     * The timeframes made, shortest first.
     *
     * @return the target timeframes without the base one, sorted; this object's own set, not a copy
     */
    public Set<Timeframe> targets() {
        return targets;
    }

    /**
     * Gives a closed bar that {@code cache} just took; a base bar's closed higher bars go into the cache too (before
     * the strategy hears of the base bar). Bars of other timeframes are not aggregated.
     *
     * @param bar a closed bar the cache accepted
     * @param cache the cache that took it, and that takes the higher bars it completes
     */
    public void onBarAdded(Bar bar, MarketDataCache cache) {
        if (targets.isEmpty() || !(bar.timeframe() == base || bar.timeframe().equals(base))) return;
        for (TimeframeAggregator aggregator : bySymbol.computeIfAbsent(bar.symbol(), this::aggregatorsFor)) {
            for (Bar higher : aggregator.add(bar)) cache.add(higher);
        }
    }

    private List<TimeframeAggregator> aggregatorsFor(String symbol) {
        List<TimeframeAggregator> out = new ArrayList<>(targets.size());
        for (Timeframe target : targets) out.add(new TimeframeAggregator(symbol, base, target));
        return out;
    }

    /**
     * Whether {@code symbol} has the bars {@code strategy} needs before it is called: its own
     * {@link Strategy#warmupBars()} of the base timeframe (or {@link Strategy#warmupBars(Timeframe)} of it, if more) and
     * {@link Strategy#warmupBars(Timeframe)} of each higher one.
     *
     * @param strategy the strategy whose warm-up counts
     * @param symbol the symbol to check
     * @param cache the bot's cache
     * @return true once every timeframe holds the bars the strategy asks for
     */
    public boolean isWarm(Strategy strategy, String symbol, MarketDataCache cache) {
        if (cache.size(symbol, base) < Math.max(strategy.warmupBars(), strategy.warmupBars(base))) return false;
        for (Timeframe target : targets) {
            if (cache.size(symbol, target) < strategy.warmupBars(target)) return false;
        }
        return true;
    }

    /**
     * How many base bars make {@code strategy}'s warm-up: the most over its timeframes of the bars each needs, a
     * higher one counted in base bars with one period more (the first, cut, period of a warm-up makes no bar).
     *
     * @param strategy the strategy whose warm-up counts
     * @param base the bot's own timeframe
     * @return the number of base bars to feed before the strategy is warm, at most {@code Integer.MAX_VALUE - 2}
     */
    public static int warmupBaseBars(Strategy strategy, Timeframe base) {
        long most = Math.max(strategy.warmupBars(), strategy.warmupBars(base));
        for (Timeframe target : strategy.higherTimeframes()) {
            if (target.equals(base)) continue;
            int needed = strategy.warmupBars(target);
            if (needed > 0) most = Math.max(most, (needed + 1L) * (target.millis() / base.millis()));
        }
        return (int) Math.min(Integer.MAX_VALUE - 2, most);
    }

    /**
     * The bars per series a bot's cache keeps at least, so that no timeframe's warm-up falls out of it.
     *
     * @param strategy the strategy whose warm-up counts
     * @return the largest warm-up over the strategy's timeframes, plus two
     */
    public static int barsToKeep(Strategy strategy) {
        int most = strategy.warmupBars();
        for (Timeframe target : strategy.higherTimeframes()) most = Math.max(most, strategy.warmupBars(target));
        return most + 2;
    }
}
