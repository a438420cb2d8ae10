/**
 * How large an order is, and the one place orders are rounded. A {@link io.tradekit.core.sizing.PositionSizer}
 * sizes an entry from a {@link io.tradekit.core.sizing.SizingInput} (built-in sizers from
 * {@link io.tradekit.core.sizing.PositionSizers}, also from text such as {@code percent:0.5});
 * {@link io.tradekit.core.sizing.SizingDecision} rounds the answer to the instrument's step with
 * {@link io.tradekit.core.sizing.OrderRounding} and checks its minimums. A {@link io.tradekit.core.sizing.Budget}
 * gives a bot its share of a shared account; {@link io.tradekit.core.sizing.GridSizing} splits a grid's budget
 * across its levels; {@link io.tradekit.core.sizing.ExitQuantity} says how much of a holding an exit can sell.
 * Fractions are written as fractions (0.01 is 1 %), fees as rates.
 */
package io.tradekit.core.sizing;
