package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;

/**
 * Enforces {@link RiskLimits#MAX_RISK_OF_RUIN}: when the {@link RiskOfRuin} estimate over the last 50
 * round trips (once there are at least 10) exceeds the limit, the bot is asked to go REDUCE_ONLY and
 * new exposure is refused. An estimate exactly at the limit passes.
 */
public final class RiskOfRuinPolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public RiskOfRuinPolicyProvider() {
        super("risk-of-ruin", RiskLimits.MAX_RISK_OF_RUIN);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new RiskOfRuinPolicy(name(), values.fraction(RiskLimits.MAX_RISK_OF_RUIN)
                .orElseThrow(this::missing));
    }
}
