package io.tradekit.core.perp;

import io.tradekit.api.Bar;
import io.tradekit.api.MarginAccount;
import io.tradekit.api.Position;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a given signal at given bars (by index, from 0) and records, before it acts, what the bot shows
 * at each bar: its position and its margin account. Shorts are allowed.
 */
final class ScriptedSignals implements Strategy {

    record Seen(Position position, MarginAccount account) {
    }

    private final Map<Integer, Signal> script;
    final List<Seen> seen = new ArrayList<>();
    private int bar;

    ScriptedSignals(Map<Integer, Signal> script) {
        this.script = script;
    }

    @Override
    public boolean allowsShort() {
        return true;
    }

    @Override
    public void onBar(Bar b, StrategyContext ctx) {
        // The engine's context is also the risk context: the margin account a risk policy would read.
        seen.add(new Seen(ctx.position(), ((RiskContext) ctx).marginAccount()));
        Signal s = script.get(bar++);
        if (s != null) ctx.signal(s);
    }
}
