package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;

/** A strategy that submits one order on its first bar and nothing after: for tests of what becomes of that order. */
final class SubmitOnce implements Strategy {

    private final OrderIntent intent;
    private boolean done;

    SubmitOnce(OrderIntent intent) {
        this.intent = intent;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        if (!done) {
            done = true;
            ctx.submit(intent);
        }
    }
}
