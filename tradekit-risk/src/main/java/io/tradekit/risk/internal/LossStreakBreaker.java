package io.tradekit.risk.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A circuit breaker that opens after a run of losing trades: while open it refuses new exposure and
 * asks the bot to PAUSE; it closes by itself once the cooldown has passed on the bot's clock, and the
 * count starts again from zero.
 */
public final class LossStreakBreaker implements RiskPolicy {

    private final String name;
    private final int maxLosses;
    private final Duration cooldown;
    private final LossStreak streak = new LossStreak();
    private Instant openUntil;
    private String openReason = "";

    public LossStreakBreaker(String name, int maxLosses, Duration cooldown) {
        this.name = name;
        this.maxLosses = maxLosses;
        this.cooldown = cooldown;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onFill(Fill fill, BigDecimal realizedPnl, RiskContext ctx) {
        streak.record(fill, realizedPnl);
        int losses = streak.count();
        if (losses >= maxLosses) {
            Instant now = ctx.now();
            openUntil = now.plus(cooldown);
            openReason = losses + " losing trades in a row reached " + RiskLimits.MAX_CONSECUTIVE_LOSSES + " " + maxLosses
                    + ": breaker open until " + openUntil + " (" + RiskLimits.LOSS_STREAK_COOLDOWN + " " + cooldown + ")";
            streak.reset();
        }
    }

    private boolean open(RiskContext ctx) {
        return openUntil != null && ctx.now().isBefore(openUntil);
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (!open(ctx) || Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        return RiskDecision.block(openReason);
    }

    @Override
    public SafetyVerdict assess(RiskContext ctx) {
        if (!open(ctx)) return SafetyVerdict.ok(name);
        return new SafetyVerdict(SafetyAction.PAUSE, name, openReason);
    }

    /** The current streak against the limit; an open breaker counts as the limit reached. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        int current = open(ctx) ? maxLosses : streak.count();
        return List.of(new LimitUsage(RiskLimits.MAX_CONSECUTIVE_LOSSES, BigDecimal.valueOf(current), BigDecimal.valueOf(maxLosses)));
    }
}
