package io.tradekit.risk.internal;

import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Caps the quote value of a single order that adds exposure. */
public final class MaxOrderNotionalPolicy implements RiskPolicy {

    private final String name;
    private final BigDecimal max;
    private final OversizeAction action;

    public MaxOrderNotionalPolicy(String name, BigDecimal max, OversizeAction action) {
        this.name = name;
        this.max = max;
        this.action = action;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        Optional<BigDecimal> price = Exposure.referencePrice(intent, ctx);
        if (price.isEmpty()) {
            return RiskDecision.block("no price to value the " + intent.type() + " order on " + intent.symbol()
                    + " against " + RiskLimits.MAX_ORDER_NOTIONAL + " " + Figures.plain(max));
        }
        BigDecimal notional = Exposure.notional(ctx, intent.symbol(), intent.quantity(), price.get());
        if (notional.compareTo(max) <= 0) return RiskDecision.allow();
        String why = "order notional " + Figures.plain(notional) + " exceeds " + RiskLimits.MAX_ORDER_NOTIONAL + " " + Figures.plain(max);
        if (action == OversizeAction.BLOCK) return RiskDecision.block(why);
        BigDecimal room = Exposure.quantityFor(ctx, intent.symbol(), max, price.get());
        return Sizing.shrinkOrBlock(intent, ctx.instrument(intent.symbol()), room, price.get(), why);
    }

    /** The largest open order's notional: how close the orders already out are to the cap. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        BigDecimal largest = BigDecimal.ZERO;
        for (Order o : ctx.openOrders()) {
            BigDecimal price = o.limitPrice().orElse(ctx.lastPrice(o.symbol()));
            largest = largest.max(Exposure.notional(ctx, o.symbol(), o.remainingQuantity(), price));
        }
        return List.of(new LimitUsage(RiskLimits.MAX_ORDER_NOTIONAL, largest, max));
    }
}
