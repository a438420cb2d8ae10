package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.DrawdownPolicy;
import io.tradekit.risk.internal.LimitValues;

/**
 * Enforces {@link RiskLimits#MAX_DRAWDOWN}, the fall of equity from its peak as a fraction of the peak.
 * Reaching it asks for EMERGENCY_STOP (cancel, flatten, and stay stopped until an operator resumes):
 * the peak does not recover by itself, so a softer action would only let the bot trade into the same
 * hole again. After an operator's resume the drawdown is measured from the equity at the resume.
 */
public final class DrawdownPolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public DrawdownPolicyProvider() {
        super("max-drawdown", RiskLimits.MAX_DRAWDOWN);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new DrawdownPolicy(name(), values.fraction(RiskLimits.MAX_DRAWDOWN)
                .orElseThrow(this::missing));
    }
}
