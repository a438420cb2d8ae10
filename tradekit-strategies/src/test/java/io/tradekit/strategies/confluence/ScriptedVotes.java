package io.tradekit.strategies.confluence;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.api.spi.Submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member for confluence tests: signals what its script says at a bar's close time of day ({@code votes=01:30=BUY,02:30=SELL}),
 * and with {@code pushy=true} also tries to send an order and flatten the bot on each of those bars.
 */
final class ScriptedVotes implements Strategy {

    /** Makes {@link ScriptedVotes} under the name {@code scripted} and keeps every one it made. */
    static final class Provider implements StrategyProvider {
        final List<ScriptedVotes> made = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("votes", "pushy", "warmup");
        }

        @Override
        public Strategy create(Params params) {
            params.requireOnly(parameters());
            Map<String, Signal> script = new HashMap<>();
            for (String entry : params.text("votes", "").split(",")) {
                if (entry.isBlank()) continue;
                int eq = entry.lastIndexOf('=');
                script.put(entry.substring(0, eq).trim(), Signal.valueOf(entry.substring(eq + 1).trim()));
            }
            ScriptedVotes strategy = new ScriptedVotes(script, params.bool("pushy", false), params.integer("warmup", 1));
            made.add(strategy);
            return strategy;
        }
    }

    final Map<String, Signal> script;
    final boolean pushy;
    final int warmup;
    final List<Bar> barsSeen = new ArrayList<>();
    final List<Timeframe> contextTimeframes = new ArrayList<>();
    final List<Submission> submissions = new ArrayList<>();

    ScriptedVotes(Map<String, Signal> script, boolean pushy, int warmup) {
        this.script = script;
        this.pushy = pushy;
        this.warmup = warmup;
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        barsSeen.add(bar);
        contextTimeframes.add(ctx.timeframe());
        Signal signal = script.get(bar.closeTime().toString().substring(11, 16));
        if (signal == null) return;
        ctx.signal(signal);
        if (pushy) {
            submissions.add(ctx.submit(OrderIntent.limit(ctx.symbol(), Side.BUY, BigDecimal.ONE, bar.close())));
            ctx.flatten("a member must not flatten the bot");
        }
    }
}
