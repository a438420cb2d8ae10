package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.PriceBandPolicy;

/**
 * Enforces {@link RiskLimits#PRICE_BAND}, a fat-finger guard: a limit price more than this fraction away
 * from the last price is refused, on every order (reducing ones too). A price exactly on the band passes.
 */
public final class PriceBandPolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public PriceBandPolicyProvider() {
        super("price-band", RiskLimits.PRICE_BAND);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new PriceBandPolicy(name(), values.fraction(RiskLimits.PRICE_BAND)
                .orElseThrow(this::missing));
    }
}
