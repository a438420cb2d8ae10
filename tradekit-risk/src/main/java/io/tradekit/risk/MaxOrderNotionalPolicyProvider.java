package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.MaxOrderNotionalPolicy;
import io.tradekit.risk.internal.OversizeAction;

/**
 * Enforces {@link RiskLimits#MAX_ORDER_NOTIONAL}: an order adding exposure may be worth at most this
 * much quote currency. A larger order is shrunk to the limit, rounded down to the instrument's step
 * ({@value #ACTION} = {@code resize}, the default) or refused ({@code block}). Reducing orders pass.
 *
 * <pre>{@code RiskLimits.builder().maxOrderNotional(new BigDecimal("1000")).limit("max-order-notional-action", "block")}</pre>
 */
public final class MaxOrderNotionalPolicyProvider extends LimitPolicyProvider {

    /** {@code resize} or {@code block}: what to do with an order over the limit. */
    public static final String ACTION = "max-order-notional-action";

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public MaxOrderNotionalPolicyProvider() {
        super("max-order-notional", RiskLimits.MAX_ORDER_NOTIONAL, ACTION);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireOneOf(ACTION, RiskLimits.MAX_ORDER_NOTIONAL);
        OversizeAction action = values.choice(ACTION, OversizeAction.class).orElse(OversizeAction.RESIZE);
        return new MaxOrderNotionalPolicy(name(), values.positive(RiskLimits.MAX_ORDER_NOTIONAL)
                .orElseThrow(this::missing), action);
    }
}
