package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.LossCooldownPolicy;

/**
 * Enforces {@link RiskLimits#COOLDOWN_AFTER_LOSS}: after any fill that realizes a loss, no new exposure
 * for this long on the bot's clock. The bot keeps running; exits go on.
 */
public final class LossCooldownPolicyProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public LossCooldownPolicyProvider() {
        super("cooldown-after-loss", RiskLimits.COOLDOWN_AFTER_LOSS);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        return new LossCooldownPolicy(name(), values.duration(RiskLimits.COOLDOWN_AFTER_LOSS)
                .orElseThrow(this::missing));
    }
}
