package io.tradekit.core.safety;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.api.spi.SafetyVerdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Set;

/**
 * A real risk policy plugged in the way tradekit-risk's are, for core's own scenario tests: below the
 * price floor it refuses new exposure and asks for its action. Its usage is floor / price, so it
 * nears 1 as the price falls to the floor.
 */
public final class PriceFloorPolicy implements RiskPolicy {

    public static final String RULE = "test-price-floor";
    public static final String ACTION = "test-price-floor-action";

    private final BigDecimal floor;
    private final SafetyAction action;

    PriceFloorPolicy(BigDecimal floor, SafetyAction action) {
        this.floor = floor;
        this.action = action;
    }

    /** The provider to register with {@code Plugins.discover().register(...)}. */
    public static RiskPolicyProvider provider() {
        return new RiskPolicyProvider() {
            @Override
            public String name() {
                return "price-floor";
            }

            @Override
            public Set<String> rules() {
                return Set.of(RULE, ACTION);
            }

            @Override
            public RiskPolicy create(RiskLimits limits) {
                return new PriceFloorPolicy(limits.decimal(RULE).orElseThrow(),
                        SafetyAction.valueOf(limits.values().getOrDefault(ACTION, "PAUSE")));
            }
        };
    }

    public static RiskLimits limits(String floor, SafetyAction action) {
        return RiskLimits.builder().limit(RULE, floor).limit(ACTION, action.name()).build();
    }

    @Override
    public String name() {
        return "price-floor";
    }

    private boolean below(RiskContext ctx) {
        BigDecimal last = ctx.lastPrice("BTCUSDT");
        return last.signum() > 0 && last.compareTo(floor) < 0;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        Position p = ctx.position(intent.symbol());
        boolean reduces = p.quantity().signum() > 0 && intent.side() == Side.SELL && intent.quantity().compareTo(p.quantity()) <= 0;
        if (!below(ctx) || reduces) return RiskDecision.allow();
        return RiskDecision.block("price " + ctx.lastPrice("BTCUSDT").toPlainString() + " is below the floor " + floor.toPlainString());
    }

    @Override
    public SafetyVerdict assess(RiskContext ctx) {
        if (!below(ctx)) return SafetyVerdict.ok(name());
        return new SafetyVerdict(action, name(), "price " + ctx.lastPrice("BTCUSDT").toPlainString() + " fell below the floor " + floor.toPlainString());
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        BigDecimal last = ctx.lastPrice("BTCUSDT");
        if (last.signum() <= 0) return List.of();
        return List.of(new LimitUsage(RULE, floor, last));
    }
}
