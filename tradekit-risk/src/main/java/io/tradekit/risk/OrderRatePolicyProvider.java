package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.OrderRatePolicy;

/**
 * Enforces {@link RiskLimits#MAX_ORDERS_PER_MINUTE} over a sliding 60-second window on the bot's clock.
 * Reducing orders count towards the rate but are never refused. Registered last in
 * {@code META-INF/services}, so that orders another policy of this module refuses are not counted.
 */
public final class OrderRatePolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public OrderRatePolicyProvider() {
        super("order-rate", RiskLimits.MAX_ORDERS_PER_MINUTE);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new OrderRatePolicy(name(), values.count(RiskLimits.MAX_ORDERS_PER_MINUTE)
                .orElseThrow(this::missing));
    }
}
