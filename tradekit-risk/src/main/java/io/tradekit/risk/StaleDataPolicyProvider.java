package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.StaleDataPolicy;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_DATA_AGE}: no new exposure on a symbol whose last market data is older
 * than this, and a PAUSE request while a symbol the bot trades has gone stale.
 */
public final class StaleDataPolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "stale-data";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_DATA_AGE);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new StaleDataPolicy(name(), new LimitValues(limits).duration(RiskLimits.MAX_DATA_AGE)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
