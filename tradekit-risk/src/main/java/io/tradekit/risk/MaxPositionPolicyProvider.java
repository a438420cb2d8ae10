package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.MaxPositionPolicy;
import io.tradekit.risk.internal.OversizeAction;

/**
 * Enforces {@link RiskLimits#MAX_POSITION} (a symbol's position notional as a fraction of equity) and
 * {@link RiskLimits#MAX_POSITION_BASE} (its size in the base asset). The position counted is the worst
 * case: the current position plus every open order on the same side. An order that would go over is
 * shrunk to the room left ({@value #ACTION} = {@code resize}, the default) or refused ({@code block});
 * orders that reduce the position always pass.
 */
public final class MaxPositionPolicyProvider extends LimitPolicyProvider {

    /** {@code resize} or {@code block}: what to do with an order that would take the position over. */
    public static final String ACTION = "max-position-action";

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public MaxPositionPolicyProvider() {
        super("max-position", RiskLimits.MAX_POSITION, RiskLimits.MAX_POSITION_BASE, ACTION);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireOneOf(ACTION, RiskLimits.MAX_POSITION, RiskLimits.MAX_POSITION_BASE);
        var fraction = values.positive(RiskLimits.MAX_POSITION);
        var base = values.positive(RiskLimits.MAX_POSITION_BASE);
        if (fraction.isEmpty() && base.isEmpty()) throw missing();
        return new MaxPositionPolicy(name(), fraction, base, values.choice(ACTION, OversizeAction.class).orElse(OversizeAction.RESIZE));
    }
}
