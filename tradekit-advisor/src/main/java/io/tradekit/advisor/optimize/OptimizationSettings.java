package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;

import java.util.Objects;

/**
 * What an optimisation searches and how: the strategy and its {@link SearchSpace}, the objective, the search,
 * the trials per fold (distinct sets backtested on each fold's in-sample window), the number of walk-forward
 * folds, the seed every random choice derives from, the backtests' costs, and the threads that run them.
 * {@link #of} gives the defaults: Sharpe, random search, 100 trials, 3 folds, seed 1, {@link BacktestSettings#defaults()},
 * one thread per available processor. The {@code with...} methods return a copy with one value changed.
 *
 * @param strategy  the name of the strategy provider to optimise, e.g. {@code sma-cross}
 * @param space     the parameters searched, with their ranges, and those held fixed
 * @param objective the figure the search maximises
 * @param search    random search or CMA-ES
 * @param trials    distinct parameter sets backtested per fold, at least 1
 * @param folds     anchored walk-forward folds, at least 1
 * @param seed      the seed every random choice derives from: the same seed gives the same trials
 * @param backtest  the backtests' cash, fees, slippage and fill model
 * @param threads   backtests run at once, at least 1
 */
public record OptimizationSettings(String strategy, SearchSpace space, Objective objective, SearchMethod search, int trials, int folds,
                                   long seed, BacktestSettings backtest, int threads) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException if a reference component is null
     * @throws io.tradekit.api.InvalidInputException if {@code trials}, {@code folds} or {@code threads} is below 1
     */
    public OptimizationSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(backtest, "backtest");
        if (trials < 1) throw new InvalidInputException("optimize: trials must be at least 1, got " + trials);
        if (folds < 1) throw new InvalidInputException("optimize: walk-forward folds must be at least 1, got " + folds);
        if (threads < 1) throw new InvalidInputException("optimize: threads must be at least 1, got " + threads);
    }

    /**
     * The defaults for {@code strategy} over {@code space}.
     *
     * @param strategy the name of the strategy provider to optimise
     * @param space    the parameters searched and those held fixed
     * @return Sharpe, random search, 100 trials, 3 folds, seed 1, default backtests, one thread per processor
     */
    public static OptimizationSettings of(String strategy, SearchSpace space) {
        return new OptimizationSettings(strategy, space, Objective.SHARPE, SearchMethod.RANDOM, 100, 3, 1L, BacktestSettings.defaults(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * A copy for another strategy.
     *
     * @param strategy the name of the strategy provider to optimise
     * @return the new settings
     */
    public OptimizationSettings withStrategy(String strategy) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with another objective.
     *
     * @param objective the figure to maximise
     * @return the new settings
     */
    public OptimizationSettings withObjective(Objective objective) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with another search method.
     *
     * @param search random search or CMA-ES
     * @return the new settings
     */
    public OptimizationSettings withSearch(SearchMethod search) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with another number of trials per fold.
     *
     * @param trials distinct parameter sets per fold, at least 1
     * @return the new settings
     * @throws io.tradekit.api.InvalidInputException if {@code trials} is below 1
     */
    public OptimizationSettings withTrials(int trials) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with another number of folds.
     *
     * @param folds anchored walk-forward folds, at least 1
     * @return the new settings
     * @throws io.tradekit.api.InvalidInputException if {@code folds} is below 1
     */
    public OptimizationSettings withFolds(int folds) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with another seed.
     *
     * @param seed the seed every random choice derives from
     * @return the new settings
     */
    public OptimizationSettings withSeed(long seed) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with other backtest settings.
     *
     * @param backtest the backtests' cash, fees, slippage and fill model
     * @return the new settings
     */
    public OptimizationSettings withBacktest(BacktestSettings backtest) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    /**
     * A copy with another number of threads.
     *
     * @param threads backtests run at once, at least 1
     * @return the new settings
     * @throws io.tradekit.api.InvalidInputException if {@code threads} is below 1
     */
    public OptimizationSettings withThreads(int threads) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }
}
