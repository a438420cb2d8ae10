package io.tradekit.risk;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import io.tradekit.risk.internal.Exposure;
import io.tradekit.risk.internal.Figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Puts the bot in REDUCE_ONLY while the {@link RiskOfRuin} estimate from its recent round trips is over
 * the limit, and refuses new exposure meanwhile. The estimate needs {@link RiskOfRuin#MIN_TRADES}
 * trades; before that there is nothing to judge.
 */
final class RiskOfRuinPolicy implements RiskPolicy {

    private final String name;
    private final BigDecimal max;

    RiskOfRuinPolicy(String name, BigDecimal max) {
        this.name = name;
        this.max = max;
    }

    @Override
    public String name() {
        return name;
    }

    private Optional<String> exceeded(RiskContext ctx) {
        return RiskOfRuin.ofRecentTrades(ctx).filter(r -> BigDecimal.valueOf(r.probability()).compareTo(max) > 0)
                .map(r -> "risk of ruin " + Figures.plain(BigDecimal.valueOf(r.probability())) + " (win rate "
                        + Figures.plain(BigDecimal.valueOf(r.winRate())) + ", payoff ratio " + Figures.plain(BigDecimal.valueOf(r.payoffRatio()))
                        + " over " + r.trades() + " trades) exceeds " + RiskLimits.MAX_RISK_OF_RUIN + " " + Figures.plain(max));
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        if (Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        return exceeded(ctx).map(RiskDecision::block).orElse(RiskDecision.allow());
    }

    @Override
    public SafetyVerdict assess(RiskContext ctx) {
        return exceeded(ctx).map(why -> new SafetyVerdict(SafetyAction.REDUCE_ONLY, name, why)).orElse(SafetyVerdict.ok(name));
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        BigDecimal current = RiskOfRuin.ofRecentTrades(ctx).map(r -> BigDecimal.valueOf(r.probability())).orElse(BigDecimal.ZERO);
        return List.of(new LimitUsage(RiskLimits.MAX_RISK_OF_RUIN, current, max));
    }
}
