package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.MaxOpenOrdersPolicy;

/** Enforces {@link RiskLimits#MAX_OPEN_ORDERS} across the bot's symbols; reducing orders always pass. */
public final class MaxOpenOrdersPolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public MaxOpenOrdersPolicyProvider() {
        super("max-open-orders", RiskLimits.MAX_OPEN_ORDERS);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new MaxOpenOrdersPolicy(name(), values.count(RiskLimits.MAX_OPEN_ORDERS)
                .orElseThrow(this::missing));
    }
}
