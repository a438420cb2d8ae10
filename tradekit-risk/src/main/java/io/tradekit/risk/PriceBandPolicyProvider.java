package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.PriceBandPolicy;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#PRICE_BAND}, a fat-finger guard: a limit price more than this fraction away
 * from the last price is refused, on every order (reducing ones too). A price exactly on the band passes.
 */
public final class PriceBandPolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "price-band";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.PRICE_BAND);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new PriceBandPolicy(name(), new LimitValues(limits).fraction(RiskLimits.PRICE_BAND)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
