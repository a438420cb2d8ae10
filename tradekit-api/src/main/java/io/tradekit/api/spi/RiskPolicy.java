package io.tradekit.api.spi;

import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;

import java.math.BigDecimal;
import java.util.List;

/**
 * One risk rule. Called only on the bot's loop thread. {@link #check} sees every order before it is
 * sent; {@link #assess} runs after each fill and on the safety timer and may ask for an action.
 */
public interface RiskPolicy {

    /**
     * The policy's name, used in denials, safety events and the safety report.
     *
     * @return the name, e.g. {@code max-drawdown}
     */
    String name();

    /**
     * ALLOW, RESIZE or BLOCK one order.
     *
     * @param intent the order, already rounded to the instrument's filters
     * @param ctx    the account, read-only
     * @return the decision, with a reason naming the limit and the figures when it is not ALLOW
     */
    default RiskDecision check(OrderIntent intent, RiskContext ctx) {
        return RiskDecision.allow();
    }

    /**
     * What the bot should do now, after a fill or on the safety timer.
     *
     * @param ctx the account, read-only
     * @return the verdict; the most severe of all policies' verdicts wins
     */
    default SafetyVerdict assess(RiskContext ctx) {
        return SafetyVerdict.ok(name());
    }

    /**
     * Told of each applied fill and the PnL it realized, for policies with memory (loss streaks).
     *
     * @param fill        the fill the portfolio applied
     * @param realizedPnl the PnL it realized (zero for an opening fill)
     * @param ctx         the account after the fill, read-only
     */
    default void onFill(Fill fill, BigDecimal realizedPnl, RiskContext ctx) {
    }

    /**
     * How close the bot is to each limit this policy enforces, for the safety report.
     *
     * @param ctx the account, read-only
     * @return one usage per limit
     */
    default List<LimitUsage> usage(RiskContext ctx) {
        return List.of();
    }
}
