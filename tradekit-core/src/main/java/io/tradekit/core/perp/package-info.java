/**
 * Linear perpetuals, one set of rules for the bot's books and the paper venue: the isolated-margin arithmetic
 * ({@link io.tradekit.core.perp.IsolatedMargin}: initial and maintenance margin, liquidation price, funding),
 * the funding rates a paper venue settles at ({@link io.tradekit.core.perp.FundingRates}), the reduce-only rule
 * ({@link io.tradekit.core.perp.ReduceOnly}) and the paper venue's default margin rules
 * ({@link io.tradekit.core.perp.PaperMarginRules}). Rates are fractions per funding interval (0.0001 is 0.01 %).
 */
package io.tradekit.core.perp;
