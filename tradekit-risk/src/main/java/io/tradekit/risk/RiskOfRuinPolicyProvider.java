package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_RISK_OF_RUIN}: when the {@link RiskOfRuin} estimate over the last 50
 * round trips (once there are at least 10) exceeds the limit, the bot is asked to go REDUCE_ONLY and
 * new exposure is refused. An estimate exactly at the limit passes.
 */
public final class RiskOfRuinPolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "risk-of-ruin";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_RISK_OF_RUIN);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new RiskOfRuinPolicy(name(), new LimitValues(limits).fraction(RiskLimits.MAX_RISK_OF_RUIN)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
