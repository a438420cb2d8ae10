package io.tradekit.risk;

import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.LossStreakBreaker;

/**
 * Enforces {@link RiskLimits#MAX_CONSECUTIVE_LOSSES} with {@link RiskLimits#LOSS_STREAK_COOLDOWN}: after
 * that many losing trades in a row (the fills of one order are one trade) the breaker opens, refusing
 * new exposure and asking the bot to PAUSE until the cooldown has passed on the bot's clock.
 */
public final class LossStreakBreakerProvider extends LimitPolicyProvider {

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public LossStreakBreakerProvider() {
        super("loss-streak-breaker", RiskLimits.MAX_CONSECUTIVE_LOSSES, RiskLimits.LOSS_STREAK_COOLDOWN);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireWith(RiskLimits.MAX_CONSECUTIVE_LOSSES, RiskLimits.LOSS_STREAK_COOLDOWN);
        values.requireWith(RiskLimits.LOSS_STREAK_COOLDOWN, RiskLimits.MAX_CONSECUTIVE_LOSSES);
        return new LossStreakBreaker(name(),
                values.count(RiskLimits.MAX_CONSECUTIVE_LOSSES).orElseThrow(this::missing),
                values.duration(RiskLimits.LOSS_STREAK_COOLDOWN).orElseThrow(this::missing));
    }
}
