package io.tradekit.risk.internal;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.util.List;

/** Caps how many orders the bot has open at once, across its symbols; reducing orders always pass. */
public final class MaxOpenOrdersPolicy implements RiskPolicy {

    private final String name;
    private final int max;

    public MaxOpenOrdersPolicy(String name, int max) {
        this.name = name;
        this.max = max;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        int open = ctx.openOrders().size();
        if (open < max) return RiskDecision.allow();
        return RiskDecision.block(open + " open orders reached " + RiskLimits.MAX_OPEN_ORDERS + " " + max);
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        return List.of(new LimitUsage(RiskLimits.MAX_OPEN_ORDERS, BigDecimal.valueOf(ctx.openOrders().size()), BigDecimal.valueOf(max)));
    }
}
