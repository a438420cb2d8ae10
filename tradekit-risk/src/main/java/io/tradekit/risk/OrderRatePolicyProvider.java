package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.OrderRatePolicy;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_ORDERS_PER_MINUTE} over a sliding 60-second window on the bot's clock.
 * Reducing orders count towards the rate but are never refused. Registered last in
 * {@code META-INF/services}, so that orders another policy of this module refuses are not counted.
 */
public final class OrderRatePolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "order-rate";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_ORDERS_PER_MINUTE);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new OrderRatePolicy(name(), new LimitValues(limits).count(RiskLimits.MAX_ORDERS_PER_MINUTE)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
