/**
 * The {@code confluence} strategy: several member strategies vote, weighted and optionally scaled by the market
 * regime, and entries pass a higher-timeframe trend check and an order-book check.
 * {@link io.tradekit.strategies.confluence.ConfluenceProvider} makes a
 * {@link io.tradekit.strategies.confluence.Confluence} from parameters; each
 * {@link io.tradekit.strategies.confluence.Decision} (with its {@link io.tradekit.strategies.confluence.Vote}s and
 * {@link io.tradekit.strategies.confluence.GateCheck}s) goes to the bot's audit log, and
 * {@link io.tradekit.strategies.confluence.ConfluenceReport} adds the decisions to a run's report.
 */
package io.tradekit.strategies.confluence;
