package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.DrawdownPolicy;
import io.tradekit.risk.internal.LimitValues;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_DRAWDOWN}, the fall of equity from its peak as a fraction of the peak.
 * Reaching it asks for EMERGENCY_STOP (cancel, flatten, and stay stopped until an operator resumes):
 * the peak does not recover by itself, so a softer action would only let the bot trade into the same
 * hole again. After an operator's resume the drawdown is measured from the equity at the resume.
 */
public final class DrawdownPolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "max-drawdown";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_DRAWDOWN);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new DrawdownPolicy(name(), new LimitValues(limits).fraction(RiskLimits.MAX_DRAWDOWN)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
