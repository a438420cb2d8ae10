package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;

import java.util.Objects;

/**
 * What an optimisation searches and how: the strategy and its {@link SearchSpace}, the objective, the search,
 * the trials per fold (distinct sets backtested on each fold's in-sample window), the number of walk-forward
 * folds, the seed every random choice derives from, the backtests' costs, and the threads that run them.
 * {@link #of} gives the defaults: Sharpe, random search, 100 trials, 3 folds, seed 1, {@link BacktestSettings#defaults()},
 * one thread per available processor.
 */
public record OptimizationSettings(String strategy, SearchSpace space, Objective objective, SearchMethod search, int trials, int folds,
                                   long seed, BacktestSettings backtest, int threads) {

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

    public static OptimizationSettings of(String strategy, SearchSpace space) {
        return new OptimizationSettings(strategy, space, Objective.SHARPE, SearchMethod.RANDOM, 100, 3, 1L, BacktestSettings.defaults(),
                Runtime.getRuntime().availableProcessors());
    }

    public OptimizationSettings withStrategy(String strategy) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withObjective(Objective objective) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withSearch(SearchMethod search) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withTrials(int trials) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withFolds(int folds) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withSeed(long seed) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withBacktest(BacktestSettings backtest) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }

    public OptimizationSettings withThreads(int threads) {
        return new OptimizationSettings(strategy, space, objective, search, trials, folds, seed, backtest, threads);
    }
}
