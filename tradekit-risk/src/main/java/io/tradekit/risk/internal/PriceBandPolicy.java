package io.tradekit.risk.internal;

import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A fat-finger guard: refuses a limit price farther than a fraction from the last price. It applies to
 * reducing orders too, since selling a position at a tenth of its price is the mistake it exists for.
 * Market orders carry no price to check.
 */
public final class PriceBandPolicy implements RiskPolicy {

    private final String name;
    private final BigDecimal band;

    public PriceBandPolicy(String name, BigDecimal band) {
        this.name = name;
        this.band = band;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (intent.limitPrice().isEmpty()) return RiskDecision.allow();
        BigDecimal last = ctx.lastPrice(intent.symbol());
        BigDecimal price = intent.limitPrice().get();
        if (last == null || last.signum() <= 0) {
            return RiskDecision.block("no last price for " + intent.symbol() + " to check the limit price " + Figures.plain(price)
                    + " against " + RiskLimits.PRICE_BAND + " " + Figures.plain(band));
        }
        BigDecimal distance = distance(price, last);
        if (distance.compareTo(band) <= 0) return RiskDecision.allow();
        return RiskDecision.block("limit price " + Figures.plain(price) + " is " + Figures.plain(distance) + " (" + Figures.percent(distance)
                + ") from the last price " + Figures.plain(last) + ", outside " + RiskLimits.PRICE_BAND + " " + Figures.plain(band));
    }

    private static BigDecimal distance(BigDecimal price, BigDecimal last) {
        return price.subtract(last).abs().divide(last, MathContext.DECIMAL64);
    }

    /** The farthest open limit order from its symbol's last price. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        BigDecimal widest = BigDecimal.ZERO;
        for (Order o : ctx.openOrders()) {
            BigDecimal last = ctx.lastPrice(o.symbol());
            if (o.limitPrice().isPresent() && last != null && last.signum() > 0) {
                widest = widest.max(distance(o.limitPrice().get(), last));
            }
        }
        return List.of(new LimitUsage(RiskLimits.PRICE_BAND, widest, band));
    }
}
