package io.tradekit.risk.internal;

import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * Caps the gross notional across every symbol (sum of |position| at the last price) as a fraction of
 * equity. Open orders that would add exposure count as if filled, so a ladder of resting orders cannot
 * together go over the cap.
 */
public final class TotalExposurePolicy implements RiskPolicy {

    private final String name;
    private final BigDecimal max;
    private final OversizeAction action;

    public TotalExposurePolicy(String name, BigDecimal max, OversizeAction action) {
        this.name = name;
        this.max = max;
        this.action = action;
    }

    @Override
    public String name() {
        return name;
    }

    /** Held notional plus the notional of open orders that add to their symbol's position. */
    private static BigDecimal committed(RiskContext ctx) {
        BigDecimal sum = Exposure.grossNotional(ctx);
        for (Order o : ctx.openOrders()) {
            Position p = ctx.position(o.symbol());
            boolean adds = p == null || p.isFlat() || p.quantity().signum() == o.side().sign();
            if (adds) sum = sum.add(Exposure.notional(ctx, o.symbol(), o.remainingQuantity(), o.limitPrice().orElse(ctx.lastPrice(o.symbol()))));
        }
        return sum;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        Optional<BigDecimal> price = Exposure.referencePrice(intent, ctx);
        if (price.isEmpty()) {
            return RiskDecision.block("no price to value the order on " + intent.symbol() + " against " + RiskLimits.MAX_EXPOSURE);
        }
        BigDecimal equity = ctx.equity();
        if (equity.signum() <= 0) {
            return RiskDecision.block("equity is " + Figures.plain(equity) + ": no room under " + RiskLimits.MAX_EXPOSURE + " " + Figures.plain(max));
        }
        Position p = ctx.position(intent.symbol());
        BigDecimal held = p == null ? BigDecimal.ZERO : p.quantity();
        BigDecimal signedAfter = held.add(intent.quantity().multiply(BigDecimal.valueOf(intent.side().sign())));
        BigDecimal added = Exposure.notional(ctx, intent.symbol(), signedAfter.abs().subtract(held.abs()), price.get());
        BigDecimal committed = committed(ctx);
        BigDecimal after = committed.add(added).divide(equity, MathContext.DECIMAL64);
        if (after.compareTo(max) <= 0) return RiskDecision.allow();
        String why = "total exposure " + Figures.plain(after) + " of equity " + Figures.plain(equity)
                + " after the order exceeds " + RiskLimits.MAX_EXPOSURE + " " + Figures.plain(max);
        if (action == OversizeAction.BLOCK) return RiskDecision.block(why);
        // An order against the position first closes it (freeing that notional), then opens the rest.
        BigDecimal roomBase = Exposure.quantityFor(ctx, intent.symbol(), max.multiply(equity).subtract(committed), price.get());
        boolean against = held.signum() != 0 && held.signum() != intent.side().sign();
        BigDecimal room = against ? roomBase.add(held.abs().multiply(BigDecimal.TWO)) : roomBase;
        return Sizing.shrinkOrBlock(intent, ctx.instrument(intent.symbol()), room, price.get(), why);
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        return List.of(new LimitUsage(RiskLimits.MAX_EXPOSURE, Exposure.fractionOf(Exposure.grossNotional(ctx), ctx.equity()), max));
    }
}
