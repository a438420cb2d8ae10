/**
 * The parameter optimizer: searches a strategy's parameter ranges with backtests run in parallel
 * (random search, or CMA-ES from commons-math3), validated walk-forward: each fold optimises on its
 * in-sample window and evaluates its best set on the window after it.
 *
 * <pre>{@code OptimizationResult r = new Optimizer(Plugins.discover()).run(bars, OptimizationSettings
 *     .of("sma-cross", SearchSpace.parse(Map.of("fast", "5..20", "slow", "20..60")))
 *     .withTrials(100).withFolds(3));
 * OptimizationReport.of(r).write(Path.of("runs/opt"));}</pre>
 */
package io.tradekit.advisor.optimize;
