package io.tradekit.risk.internal;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Caps one symbol's position, in the base asset and/or as a fraction of equity. The position counted
 * is the worst case: the current position plus every open order on the order's side, as if all filled.
 */
public final class MaxPositionPolicy implements RiskPolicy {

    private final String name;
    private final Optional<BigDecimal> maxFraction;
    private final Optional<BigDecimal> maxBase;
    private final OversizeAction action;

    public MaxPositionPolicy(String name, Optional<BigDecimal> maxFraction, Optional<BigDecimal> maxBase, OversizeAction action) {
        this.name = name;
        this.maxFraction = maxFraction;
        this.maxBase = maxBase;
        this.action = action;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        Position p = ctx.position(intent.symbol());
        BigDecimal signedNow = p == null ? BigDecimal.ZERO : p.quantity();
        int sign = intent.side().sign();
        // Base quantity of the position on the order's side if every open order on that side filled.
        BigDecimal committed = signedNow.multiply(BigDecimal.valueOf(sign)).add(Exposure.openQuantity(ctx, intent.symbol(), intent.side()));
        BigDecimal after = committed.add(intent.quantity());

        BigDecimal room = null;
        String why = null;
        if (maxBase.isPresent() && after.compareTo(maxBase.get()) > 0) {
            room = maxBase.get().subtract(committed);
            why = intent.symbol() + " position " + Figures.plain(after) + " after the order exceeds "
                    + RiskLimits.MAX_POSITION_BASE + " " + Figures.plain(maxBase.get());
        }
        Optional<BigDecimal> price = Exposure.referencePrice(intent, ctx);
        if (maxFraction.isPresent()) {
            if (price.isEmpty()) {
                return RiskDecision.block("no price to value the " + intent.symbol() + " position against " + RiskLimits.MAX_POSITION);
            }
            BigDecimal equity = ctx.equity();
            if (equity.signum() <= 0) {
                return RiskDecision.block("equity is " + Figures.plain(equity) + ": no room under " + RiskLimits.MAX_POSITION
                        + " " + Figures.plain(maxFraction.get()) + " of equity");
            }
            BigDecimal notionalAfter = Exposure.notional(ctx, intent.symbol(), after, price.get());
            BigDecimal fractionAfter = notionalAfter.divide(equity, MathContext.DECIMAL64);
            if (fractionAfter.compareTo(maxFraction.get()) > 0) {
                BigDecimal roomHere = Exposure.quantityFor(ctx, intent.symbol(), maxFraction.get().multiply(equity), price.get()).subtract(committed);
                if (room == null || roomHere.compareTo(room) < 0) {
                    room = roomHere;
                    why = intent.symbol() + " position notional " + Figures.plain(notionalAfter) + " after the order is "
                            + Figures.plain(fractionAfter) + " of equity " + Figures.plain(equity) + ", over "
                            + RiskLimits.MAX_POSITION + " " + Figures.plain(maxFraction.get());
                }
            }
        }
        if (room == null) return RiskDecision.allow();
        if (action == OversizeAction.BLOCK) return RiskDecision.block(why);
        if (price.isEmpty()) return RiskDecision.block(why + "; no price to size a smaller order");
        return Sizing.shrinkOrBlock(intent, ctx.instrument(intent.symbol()), room, price.get(), why);
    }

    /** The largest position across symbols, against each cap this policy holds. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        BigDecimal largestBase = BigDecimal.ZERO;
        BigDecimal largestFraction = BigDecimal.ZERO;
        BigDecimal equity = ctx.equity();
        for (Position p : ctx.positions()) {
            largestBase = largestBase.max(p.quantity().abs());
            largestFraction = largestFraction.max(Exposure.fractionOf(Exposure.notional(p, ctx), equity));
        }
        List<LimitUsage> usage = new ArrayList<>();
        BigDecimal fractionNow = largestFraction;
        BigDecimal baseNow = largestBase;
        maxFraction.ifPresent(m -> usage.add(new LimitUsage(RiskLimits.MAX_POSITION, fractionNow, m)));
        maxBase.ifPresent(m -> usage.add(new LimitUsage(RiskLimits.MAX_POSITION_BASE, baseNow, m)));
        return usage;
    }
}
