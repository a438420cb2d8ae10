package io.tradekit.risk.internal;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;

import java.math.BigDecimal;
import java.util.List;

/**
 * Stops the day's trading once the loss since the start of the trading day, realized plus unrealized
 * ({@code dayStartEquity - equity}), reaches the limit: {@link #assess} asks for the configured action
 * (FLATTEN or PAUSE) and {@link #check} refuses new exposure until the next trading day. The engine
 * supplies {@code dayStartEquity} for the day that starts at the day-boundary hour; this policy names
 * that day in its reasons.
 */
public final class DailyLossPolicy implements RiskPolicy {

    private final String name;
    private final BigDecimal max;
    private final TradingDay day;
    private final SafetyAction action;

    public DailyLossPolicy(String name, BigDecimal max, TradingDay day, SafetyAction action) {
        this.name = name;
        this.max = max;
        this.day = day;
        this.action = action;
    }

    @Override
    public String name() {
        return name;
    }

    private BigDecimal loss(RiskContext ctx) {
        return ctx.dayStartEquity().subtract(ctx.equity()).max(BigDecimal.ZERO);
    }

    private boolean hit(RiskContext ctx) {
        return loss(ctx).compareTo(max) >= 0;
    }

    private String describe(RiskContext ctx) {
        return "daily loss " + Figures.plain(loss(ctx)) + " (equity " + Figures.plain(ctx.equity()) + " since "
                + Figures.plain(ctx.dayStartEquity()) + " at " + day.startOf(ctx.now()) + ") reached "
                + RiskLimits.MAX_DAILY_LOSS + " " + Figures.plain(max);
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (!hit(ctx) || Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        return RiskDecision.block(describe(ctx) + ": no new exposure until the next trading day");
    }

    @Override
    public SafetyVerdict assess(RiskContext ctx) {
        if (!hit(ctx)) return SafetyVerdict.ok(name);
        return new SafetyVerdict(action, name, describe(ctx));
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        return List.of(new LimitUsage(RiskLimits.MAX_DAILY_LOSS, loss(ctx), max));
    }
}
