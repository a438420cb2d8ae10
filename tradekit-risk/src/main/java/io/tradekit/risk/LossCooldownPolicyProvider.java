package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.LossCooldownPolicy;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#COOLDOWN_AFTER_LOSS}: after any fill that realizes a loss, no new exposure
 * for this long on the bot's clock. The bot keeps running; exits go on.
 */
public final class LossCooldownPolicyProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "cooldown-after-loss";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.COOLDOWN_AFTER_LOSS);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        return new LossCooldownPolicy(name(), new LimitValues(limits).duration(RiskLimits.COOLDOWN_AFTER_LOSS)
                .orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
