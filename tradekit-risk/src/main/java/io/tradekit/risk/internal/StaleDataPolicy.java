package io.tradekit.risk.internal;

import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses new exposure on a symbol whose market data is older than the limit (or has never arrived),
 * and asks the bot to PAUSE while a symbol it trades has gone stale. Data exactly as old as the limit
 * is still fresh. A symbol that has never had data does not pause the bot (a feed that is still
 * connecting is not a stale one); reducing orders always pass.
 */
public final class StaleDataPolicy implements RiskPolicy {

    private final String name;
    private final Duration maxAge;
    private final Set<String> traded = new LinkedHashSet<>();

    public StaleDataPolicy(String name, Duration maxAge) {
        this.name = name;
        this.maxAge = maxAge;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        traded.add(intent.symbol());
        if (Exposure.reduces(intent, ctx)) return RiskDecision.allow();
        Optional<Instant> last = ctx.lastDataTime(intent.symbol());
        if (last.isEmpty()) {
            return RiskDecision.block("no market data yet for " + intent.symbol() + " (" + RiskLimits.MAX_DATA_AGE + " " + maxAge + ")");
        }
        Duration age = Duration.between(last.get(), ctx.now());
        if (age.compareTo(maxAge) <= 0) return RiskDecision.allow();
        return RiskDecision.block(describe(intent.symbol(), age));
    }

    private String describe(String symbol, Duration age) {
        return "market data for " + symbol + " is " + age + " old, older than " + RiskLimits.MAX_DATA_AGE + " " + maxAge;
    }

    private Set<String> watched(RiskContext ctx) {
        Set<String> symbols = new LinkedHashSet<>(traded);
        for (Position p : ctx.positions()) if (!p.isFlat()) symbols.add(p.symbol());
        for (Order o : ctx.openOrders()) symbols.add(o.symbol());
        return symbols;
    }

    @Override
    public SafetyVerdict assess(RiskContext ctx) {
        for (String symbol : watched(ctx)) {
            Optional<Instant> last = ctx.lastDataTime(symbol);
            if (last.isEmpty()) continue;
            Duration age = Duration.between(last.get(), ctx.now());
            if (age.compareTo(maxAge) > 0) return new SafetyVerdict(SafetyAction.PAUSE, name, describe(symbol, age));
        }
        return SafetyVerdict.ok(name);
    }

    /** The oldest data among the symbols the bot trades, in seconds, against the limit in seconds. */
    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        long oldest = 0;
        for (String symbol : watched(ctx)) {
            Optional<Instant> last = ctx.lastDataTime(symbol);
            if (last.isPresent()) oldest = Math.max(oldest, Duration.between(last.get(), ctx.now()).toSeconds());
        }
        return List.of(new LimitUsage(RiskLimits.MAX_DATA_AGE, BigDecimal.valueOf(oldest), BigDecimal.valueOf(maxAge.toSeconds())));
    }
}
