package io.tradekit.risk.internal;

import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Caps orders per minute over a sliding window on the bot's clock: an order counts for the 60 seconds
 * after it passed this policy. Reducing orders count but are never refused, so a runaway strategy is
 * stopped without trapping its position. The provider is registered last, so that the engine asks it
 * after the other policies here and it counts only orders they let through.
 */
public final class OrderRatePolicy implements RiskPolicy {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final String name;
    private final int maxPerMinute;
    private final Deque<Instant> sent = new ArrayDeque<>();

    public OrderRatePolicy(String name, int maxPerMinute) {
        this.name = name;
        this.maxPerMinute = maxPerMinute;
    }

    @Override
    public String name() {
        return name;
    }

    private int inWindow(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(cutoff)) sent.removeFirst();
        return sent.size();
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext ctx) {
        Instant now = ctx.now();
        int recent = inWindow(now);
        if (recent >= maxPerMinute && !Exposure.reduces(intent, ctx)) {
            return RiskDecision.block(recent + " orders in the last 60 s reached " + RiskLimits.MAX_ORDERS_PER_MINUTE + " " + maxPerMinute);
        }
        sent.addLast(now);
        return RiskDecision.allow();
    }

    @Override
    public List<LimitUsage> usage(RiskContext ctx) {
        return List.of(new LimitUsage(RiskLimits.MAX_ORDERS_PER_MINUTE, BigDecimal.valueOf(inWindow(ctx.now())), BigDecimal.valueOf(maxPerMinute)));
    }
}
