package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.OversizeAction;
import io.tradekit.risk.internal.TotalExposurePolicy;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_EXPOSURE}: the gross notional across all symbols (plus open orders
 * that would add to it) as a fraction of equity. An order over the cap is shrunk to fit
 * ({@value #ACTION} = {@code resize}, the default) or refused ({@code block}); reducing orders pass.
 */
public final class TotalExposurePolicyProvider implements RiskPolicyProvider {

    /** {@code resize} or {@code block}. */
    public static final String ACTION = "max-exposure-action";

    @Override
    public String name() {
        return "max-exposure";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_EXPOSURE, ACTION);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        LimitValues values = new LimitValues(limits);
        values.requireOneOf(ACTION, RiskLimits.MAX_EXPOSURE);
        return new TotalExposurePolicy(name(), values.positive(RiskLimits.MAX_EXPOSURE).orElseThrow(() -> ProviderLimits.missing(this)),
                values.choice(ACTION, OversizeAction.class).orElse(OversizeAction.RESIZE));
    }
}
