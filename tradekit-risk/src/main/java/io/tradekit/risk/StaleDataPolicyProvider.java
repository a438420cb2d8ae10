package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.StaleDataPolicy;

/**
 * Enforces {@link RiskLimits#MAX_DATA_AGE}: no new exposure on a symbol whose last market data is older
 * than this, and a PAUSE request while a symbol the bot trades has gone stale.
 */
public final class StaleDataPolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public StaleDataPolicyProvider() {
        super("stale-data", RiskLimits.MAX_DATA_AGE);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new StaleDataPolicy(name(), values.duration(RiskLimits.MAX_DATA_AGE)
                .orElseThrow(this::missing));
    }
}
