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

    String name();

    /** ALLOW, RESIZE or BLOCK one order (already rounded to the instrument's filters). */
    default RiskDecision check(OrderIntent intent, RiskContext ctx) {
        return RiskDecision.allow();
    }

    default SafetyVerdict assess(RiskContext ctx) {
        return SafetyVerdict.ok(name());
    }

    /** Told of each applied fill and the PnL it realized, for policies with memory (loss streaks). */
    default void onFill(Fill fill, BigDecimal realizedPnl, RiskContext ctx) {
    }

    /** How close the bot is to each limit this policy enforces. */
    default List<LimitUsage> usage(RiskContext ctx) {
        return List.of();
    }
}
