/**
 * Proposal sources that follow fixed rules rather than a model: {@link io.tradekit.advisor.rules.GridRuleSource}
 * ({@code grid-rules}) widens or tightens a {@code grid} from its win rate and drawdown, with thresholds and declared
 * ranges from {@link io.tradekit.advisor.rules.GridRuleSettings}; {@link io.tradekit.advisor.rules.SmaCrossWalkForwardSource}
 * ({@code sma-cross-walk-forward}) proposes {@code sma-cross} periods that held up in a walk-forward test on the bot's
 * recent bars. Both are found by name through {@link io.tradekit.advisor.AdvisorPlugins}; both only propose and never
 * change a bot.
 */
package io.tradekit.advisor.rules;
