/**
 * Protections core keeps on a bot's open position: stop-loss (a fixed distance, a percentage, or a
 * multiple of ta4j's ATR), take-profit at a risk/reward multiple, trailing stop and breakeven move.
 * Configure them with {@link io.tradekit.core.protection.Protections} on the bot or backtest builder.
 */
package io.tradekit.core.protection;
