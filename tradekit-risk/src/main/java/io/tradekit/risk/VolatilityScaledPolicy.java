package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.Figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the size limits (order notional, position, exposure) again with each scaled down by a
 * {@link VolatilityScaling} factor read from the order's symbol's realized-volatility percentile.
 * The unscaled limits are enforced by their own policies as usual; this one only ever tightens.
 * Until the symbol has enough bars for a reading, the factor is 1.
 */
final class VolatilityScaledPolicy implements RiskPolicy {

    static final List<String> SCALED_RULES = List.of(
            RiskLimits.MAX_ORDER_NOTIONAL, RiskLimits.MAX_POSITION, RiskLimits.MAX_POSITION_BASE, RiskLimits.MAX_EXPOSURE);

    private record Reading(Instant lastBar, int bars, double percentile) {
    }

    private final String name;
    private final RiskLimits limits;
    private final VolatilityScaling scaling;
    private final RegimeDetector detector;
    private final Map<String, Reading> readings = new HashMap<>();
    private BigDecimal lastFactor = BigDecimal.ONE;

    VolatilityScaledPolicy(String name, RiskLimits limits, VolatilityScaling scaling, RegimeDetector detector) {
        this.name = name;
        this.limits = limits;
        this.scaling = scaling;
        this.detector = detector;
    }

    @Override
    public String name() {
        return name;
    }

    /** The symbol's volatility percentile, read again only when a new bar has closed. */
    private Optional<Reading> reading(String symbol, RiskContext ctx) {
        List<Bar> bars = ctx.recentBars(symbol, detector.minimumBars());
        if (bars.size() < detector.minimumBars()) return Optional.empty();
        Reading cached = readings.get(symbol);
        Instant last = bars.getLast().openTime();
        if (cached != null && cached.lastBar().equals(last) && cached.bars() == bars.size()) return Optional.of(cached);
        Reading fresh = new Reading(last, bars.size(), detector.detect(bars).volatilityPercentile());
        readings.put(symbol, fresh);
        return Optional.of(fresh);
    }

    RiskLimits scaled(BigDecimal factor) {
        RiskLimits out = limits;
        for (String rule : SCALED_RULES) {
            Optional<BigDecimal> v = limits.decimal(rule);
            if (v.isPresent()) out = out.with(rule, v.get().multiply(factor).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private List<RiskPolicy> delegates(BigDecimal factor) {
        RiskLimits scaled = scaled(factor);
        List<RiskPolicy> policies = new ArrayList<>();
        if (scaled.has(RiskLimits.MAX_ORDER_NOTIONAL)) policies.add(new MaxOrderNotionalPolicyProvider().create(scaled));
        if (scaled.has(RiskLimits.MAX_POSITION) || scaled.has(RiskLimits.MAX_POSITION_BASE)) policies.add(new MaxPositionPolicyProvider().create(scaled));
        if (scaled.has(RiskLimits.MAX_EXPOSURE)) policies.add(new TotalExposurePolicyProvider().create(scaled));
        return policies;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        Optional<Reading> reading = reading(intent.symbol(), ctx);
        BigDecimal factor = reading.map(r -> scaling.factor(r.percentile())).orElse(BigDecimal.ONE);
        lastFactor = factor;
        if (factor.compareTo(BigDecimal.ONE) == 0) return RiskDecision.allow();
        String why = " (limits scaled by " + Figures.plain(factor) + " for " + intent.symbol() + " volatility at percentile "
                + Figures.plain(BigDecimal.valueOf(reading.get().percentile())) + ", " + VolatilityScaledLimitsProvider.SCALING + " "
                + Figures.plain(scaling.minFactor()) + ")";
        OrderIntent current = intent;
        RiskDecision outcome = RiskDecision.allow();
        for (RiskPolicy p : delegates(factor)) {
            RiskDecision d = p.check(current, ctx);
            if (d.verdict() == RiskDecision.Verdict.BLOCK) return RiskDecision.block(d.reason() + why);
            if (d.verdict() == RiskDecision.Verdict.RESIZE) {
                current = current.withQuantity(d.quantity().orElseThrow());
                outcome = RiskDecision.resize(current.quantity(), d.reason() + why);
            }
        }
        return outcome;
    }

    /** The size limits as scaled at the last order checked. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        List<LimitUsage> usage = new ArrayList<>();
        for (RiskPolicy p : delegates(lastFactor)) {
            for (LimitUsage u : p.usage(ctx)) usage.add(new LimitUsage(u.rule() + " (volatility-scaled)", u.current(), u.limit()));
        }
        return usage;
    }
}
