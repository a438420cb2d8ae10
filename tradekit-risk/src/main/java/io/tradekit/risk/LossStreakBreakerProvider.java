package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.LossStreakBreaker;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_CONSECUTIVE_LOSSES} with {@link RiskLimits#LOSS_STREAK_COOLDOWN}: after
 * that many losing trades in a row (the fills of one order are one trade) the breaker opens, refusing
 * new exposure and asking the bot to PAUSE until the cooldown has passed on the bot's clock.
 */
public final class LossStreakBreakerProvider implements RiskPolicyProvider {

    @Override
    public String name() {
        return "loss-streak-breaker";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_CONSECUTIVE_LOSSES, RiskLimits.LOSS_STREAK_COOLDOWN);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        LimitValues values = new LimitValues(limits);
        values.requireWith(RiskLimits.MAX_CONSECUTIVE_LOSSES, RiskLimits.LOSS_STREAK_COOLDOWN);
        values.requireWith(RiskLimits.LOSS_STREAK_COOLDOWN, RiskLimits.MAX_CONSECUTIVE_LOSSES);
        return new LossStreakBreaker(name(),
                values.count(RiskLimits.MAX_CONSECUTIVE_LOSSES).orElseThrow(() -> ProviderLimits.missing(this)),
                values.duration(RiskLimits.LOSS_STREAK_COOLDOWN).orElseThrow(() -> ProviderLimits.missing(this)));
    }
}
