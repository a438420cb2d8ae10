package io.tradekit.risk.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Asks for EMERGENCY_STOP once equity has fallen the limit's fraction from its peak, and refuses new
 * exposure while it is there. EMERGENCY_STOP rather than FLATTEN because the peak does not reset by
 * itself: a drawdown this deep is a fault to be looked at by a person, and the stop holds until an
 * operator resumes.
 *
 * <p>An operator's resume acknowledges the drawdown so far: once this policy has seen the bot in
 * EMERGENCY_STOP while over the limit and then RUNNING again, it measures from the equity at the
 * resume (and the highs after it) instead of the old peak, so that the resume is not undone at once.
 */
public final class DrawdownPolicy implements RiskPolicy {

    private final String name;
    private final BigDecimal max;
    private BigDecimal rebasedPeak;
    private boolean awaitingResume;

    public DrawdownPolicy(String name, BigDecimal max) {
        this.name = name;
        this.max = max;
    }

    @Override
    public String name() {
        return name;
    }

    private void observe(RiskContext ctx) {
        BigDecimal equity = ctx.equity();
        if (awaitingResume && ctx.state() == BotState.RUNNING) {
            rebasedPeak = equity;
            awaitingResume = false;
        }
        if (rebasedPeak != null) rebasedPeak = rebasedPeak.max(equity);
        if (ctx.state() == BotState.EMERGENCY_STOP && hit(ctx)) awaitingResume = true;
    }

    private BigDecimal peak(RiskContext ctx) {
        return rebasedPeak != null ? rebasedPeak : ctx.peakEquity();
    }

    private BigDecimal drawdown(RiskContext ctx) {
        BigDecimal peak = peak(ctx);
        if (peak.signum() <= 0) return BigDecimal.ZERO;
        return peak.subtract(ctx.equity()).max(BigDecimal.ZERO).divide(peak, MathContext.DECIMAL64);
    }

    private boolean hit(RiskContext ctx) {
        return drawdown(ctx).compareTo(max) >= 0;
    }

    private String describe(RiskContext ctx) {
        return "drawdown " + Figures.plain(drawdown(ctx)) + " (" + Figures.percent(drawdown(ctx)) + ", equity "
                + Figures.plain(ctx.equity()) + " from peak " + Figures.plain(peak(ctx)) + ") reached "
                + RiskLimits.MAX_DRAWDOWN + " " + Figures.plain(max);
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        observe(ctx);
        if (!hit(ctx) || Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        return RiskDecision.block(describe(ctx));
    }

    @Override
    public SafetyVerdict assess(RiskContext ctx) {
        observe(ctx);
        if (!hit(ctx)) return SafetyVerdict.ok(name);
        return new SafetyVerdict(SafetyAction.EMERGENCY_STOP, name, describe(ctx));
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        observe(ctx);
        return List.of(new LimitUsage(RiskLimits.MAX_DRAWDOWN, drawdown(ctx), max));
    }
}
