/**
 * The grid engine and the {@code grid} strategy.
 *
 * <p>A host uses the grid in one of two ways: by name, {@code .strategy("grid", params)}, which
 * {@link io.tradekit.grid.GridStrategyProvider} serves through {@link java.util.ServiceLoader} (its
 * class comment lists every parameter), or by instance, {@code .strategy(new GridStrategy(settings))},
 * which gives the host the strategy's views: {@link io.tradekit.grid.GridStrategy#stats()},
 * {@link io.tradekit.grid.GridStrategy#roundTrips()}, {@link io.tradekit.grid.GridStrategy#builds()}.
 * {@link io.tradekit.grid.GridReport} turns a backtest of it into a report section.
 *
 * <p>The parts: {@link io.tradekit.grid.GridLadder} lays out levels on the instrument's tick and sizes
 * them on its step ({@link io.tradekit.grid.SpacingMode}, {@link io.tradekit.grid.SpacingUnit},
 * {@link io.tradekit.grid.LevelSizing}); {@link io.tradekit.grid.GridPlan} says which side each level
 * wants at a price; {@link io.tradekit.grid.Rebalancing} and {@link io.tradekit.grid.AdaptiveSpacing}
 * say how the grid follows the price; {@link io.tradekit.grid.GridRiskLimits} end it in a flatten;
 * {@link io.tradekit.grid.PerpGrid} sets how it trades a perpetual; {@link io.tradekit.grid.GridHeuristic}
 * with {@link io.tradekit.grid.VolatilityEstimator} proposes spacing, levels and size when they are not given.
 *
 * <p>Prices and quantities are {@code BigDecimal}; spacings in percent are percent (0.5 = 0.5 %), fees
 * are in basis points. The strategy runs on the bot's event loop like every strategy.
 */
package io.tradekit.grid;
