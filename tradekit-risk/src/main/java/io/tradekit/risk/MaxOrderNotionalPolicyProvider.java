package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.MaxOrderNotionalPolicy;
import io.tradekit.risk.internal.OversizeAction;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_ORDER_NOTIONAL}: an order adding exposure may be worth at most this
 * much quote currency. A larger order is shrunk to the limit, rounded down to the instrument's step
 * ({@value #ACTION} = {@code resize}, the default) or refused ({@code block}). Reducing orders pass.
 *
 * <pre>{@code RiskLimits.builder().maxOrderNotional(new BigDecimal("1000")).limit("max-order-notional-action", "block")}</pre>
 */
public final class MaxOrderNotionalPolicyProvider implements RiskPolicyProvider {

    /** {@code resize} or {@code block}: what to do with an order over the limit. */
    public static final String ACTION = "max-order-notional-action";

    @Override
    public String name() {
        return "max-order-notional";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_ORDER_NOTIONAL, ACTION);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        LimitValues values = new LimitValues(limits);
        values.requireOneOf(ACTION, RiskLimits.MAX_ORDER_NOTIONAL);
        OversizeAction action = values.choice(ACTION, OversizeAction.class).orElse(OversizeAction.RESIZE);
        return new MaxOrderNotionalPolicy(name(), values.positive(RiskLimits.MAX_ORDER_NOTIONAL)
                .orElseThrow(() -> ProviderLimits.missing(this)), action);
    }
}
