package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.OversizeAction;
import io.tradekit.risk.internal.TotalExposurePolicy;

/**
 * Enforces {@link RiskLimits#MAX_EXPOSURE}: the gross notional across all symbols (plus open orders
 * that would add to it) as a fraction of equity. An order over the cap is shrunk to fit
 * ({@value #ACTION} = {@code resize}, the default) or refused ({@code block}); reducing orders pass.
 */
public final class TotalExposurePolicyProvider extends LimitPolicyProvider {

    /** {@code resize} or {@code block}. */
    public static final String ACTION = "max-exposure-action";

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public TotalExposurePolicyProvider() {
        super("max-exposure", RiskLimits.MAX_EXPOSURE, ACTION);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireOneOf(ACTION, RiskLimits.MAX_EXPOSURE);
        return new TotalExposurePolicy(name(), values.positive(RiskLimits.MAX_EXPOSURE).orElseThrow(this::missing),
                values.choice(ACTION, OversizeAction.class).orElse(OversizeAction.RESIZE));
    }
}
