package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.MaxOpenOrdersPolicy;

import java.util.Set;

/** Enforces {@link RiskLimits#MAX_OPEN_ORDERS} across the bot's symbols; reducing orders always pass. */
public final class MaxOpenOrdersPolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "max-open-orders";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_OPEN_ORDERS);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new MaxOpenOrdersPolicy(name(), new LimitValues(limits).count(RiskLimits.MAX_OPEN_ORDERS)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
