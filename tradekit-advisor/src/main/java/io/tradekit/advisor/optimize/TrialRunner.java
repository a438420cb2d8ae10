package io.tradekit.advisor.optimize;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backtests one parameter set over a window of the shared bars (read only, by any number of threads at once)
 * through core's backtest, the engine {@code tradekit backtest} runs, and scores it. A set the strategy
 * refuses is an {@link Trial.Status#INVALID} trial, not an error.
 */
final class TrialRunner {

    /** A trial and, when it ran, its backtest and the bars it ran over. */
    record Run(Trial trial, Optional<BacktestResult> result, List<Bar> bars) {
    }

    private final String strategy;
    private final StrategyProvider provider;
    private final Plugins plugins;
    private final BacktestSettings settings;
    private final Objective objective;
    private final List<Bar> bars;

    TrialRunner(String strategy, Plugins plugins, BacktestSettings settings, Objective objective, List<Bar> bars) {
        this.strategy = strategy;
        this.provider = plugins.strategy(strategy);
        this.plugins = plugins;
        this.settings = settings;
        this.objective = objective;
        this.bars = bars;
    }

    /**
     * Runs {@code set} over bars {@code [from, to)}. With {@code warmUp}, the run starts up to the strategy's
     * warm-up bars minus one earlier (never before the first bar): the engine holds the strategy until it has
     * seen its warm-up bars, so it is first called on bar {@code from}, and a window after another is traded
     * from its start. Those earlier bars are in the run's figures as flat equity.
     */
    Run run(Map<String, String> set, int from, int to, boolean warmUp) {
        Strategy instance;
        try {
            instance = provider.create(Params.of(strategy, set));
        } catch (InvalidInputException refused) {
            return new Run(unranked(set, Trial.Status.INVALID, refused.getMessage(), Optional.empty()), Optional.empty(), List.of());
        }
        int start = warmUp ? Math.max(0, from - Math.max(0, instance.warmupBars() - 1)) : from;
        List<Bar> window = bars.subList(start, to);
        BacktestResult result;
        try {
            result = settings.applyTo(TradeKit.backtest()).bars(window).strategy(strategy, instance).plugins(plugins).run();
        } catch (InvalidInputException refused) {
            return new Run(unranked(set, Trial.Status.INVALID, refused.getMessage(), Optional.empty()), Optional.empty(), List.of());
        }
        TrialFigures figures = TrialFigures.of(result);
        Trial trial;
        if (result.endedOnStrategyFailure()) {
            trial = unranked(set, Trial.Status.FAILED, result.strategyFailure().get().describe(), Optional.of(figures));
        } else {
            double value = objective.of(figures);
            trial = Double.isFinite(value) ? new Trial(0, 0, set, Trial.Status.RANKED, "", Optional.of(figures), value)
                    : unranked(set, Trial.Status.NO_VALUE, objective.label() + " has no value for this run", Optional.of(figures));
        }
        return new Run(trial, Optional.of(result), window);
    }

    private static Trial unranked(Map<String, String> set, Trial.Status status, String problem, Optional<TrialFigures> figures) {
        return new Trial(0, 0, set, status, problem, figures, Double.NaN);
    }
}
