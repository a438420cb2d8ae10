package io.tradekit.risk.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * After a losing trade, refuses new exposure for a while (on the bot's clock) so that a strategy does
 * not re-enter straight into the move that just stopped it out. It does not pause the bot: exits and
 * reducing orders go on.
 */
public final class LossCooldownPolicy implements RiskPolicy {

    private final String name;
    private final Duration cooldown;
    private Instant until;
    private String reason = "";

    public LossCooldownPolicy(String name, Duration cooldown) {
        this.name = name;
        this.cooldown = cooldown;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onFill(Fill fill, BigDecimal realizedPnl, RiskContext ctx) {
        if (realizedPnl == null || realizedPnl.signum() >= 0) return;
        until = ctx.now().plus(cooldown);
        reason = "a loss of " + Figures.plain(realizedPnl.negate()) + " on " + fill.symbol() + " at " + ctx.now()
                + " started " + RiskLimits.COOLDOWN_AFTER_LOSS + " " + cooldown + ": no new exposure until " + until;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (until == null || !ctx.now().isBefore(until) || Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        return RiskDecision.block(reason);
    }

    /** Seconds of cooldown left against the cooldown's length. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        long left = until == null ? 0 : Math.max(0, Duration.between(ctx.now(), until).toSeconds());
        return List.of(new LimitUsage(RiskLimits.COOLDOWN_AFTER_LOSS, BigDecimal.valueOf(left), BigDecimal.valueOf(cooldown.toSeconds())));
    }
}
