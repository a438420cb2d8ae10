package io.tradekit.core.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.sizing.ExitQuantity;
import io.tradekit.core.sizing.OrderRounding;
import io.tradekit.core.sizing.SizingDecision;
import io.tradekit.core.sizing.SizingInput;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The gate in front of the venue: every order the strategy, a protection or a risk action wants passes
 * here once (rounding to the instrument's filters, the filters, the bot's state, the stale-data guard,
 * every risk policy) before the execution side writes it ahead and sends it. A refusal is an event with
 * who refused and why, never an exception.
 */
final class OrderGate {

    private final BotEngine engine;
    private long ordersDenied;

    OrderGate(BotEngine engine) {
        this.engine = engine;
    }

    long ordersDenied() {
        return ordersDenied;
    }

    /** A strategy's signal, sized by the bot's sizer (BUY) or closing the long position (SELL). */
    void signal(Signal signal) {
        BigDecimal position = engine.portfolio.quantity(engine.config.symbol());
        boolean working = engine.orders.openCount() > 0;
        switch (signal) {
            case HOLD -> {
            }
            case BUY -> {
                // Dust left by an earlier exit is no position: it must not keep the bot from entering again.
                boolean holding = position.signum() > 0 && ExitQuantity.of(position, engine.instrument, engine.data.lastPrice(engine.config.symbol())).canSell();
                if (holding || working) return;
                BigDecimal price = engine.data.lastPrice(engine.config.symbol());
                SizingDecision size = SizingDecision.entry(engine.config.sizer(), new SizingInput(engine.instrument, price, engine.equity(), engine.portfolio.cash(),
                        engine.config.takerFeeRate(), engine.safety.stopDistance(price)));
                OrderIntent buy = OrderIntent.market(engine.config.symbol(), Side.BUY, size.quantity()).withTag("signal");
                if (size.isRefused()) {
                    deny(buy, "sizing", size.refusal().get());
                    return;
                }
                submit(buy);
            }
            case SELL -> {
                if (position.signum() <= 0 || working) return;
                // Sell what the filters let us sell; what is left below them is dust, reported rather than refused whole.
                ExitQuantity exit = ExitQuantity.of(position, engine.instrument, engine.data.lastPrice(engine.config.symbol()));
                if (!exit.canSell()) {
                    deny(OrderIntent.market(engine.config.symbol(), Side.SELL, position).asReduceOnly().withTag("signal"), "sizing",
                            exit.refusal().orElse("nothing to sell"));
                    return;
                }
                Submission sold = submit(OrderIntent.market(engine.config.symbol(), Side.SELL, exit.sellable()).asReduceOnly().withTag("signal"));
                if (sold.isSent() && exit.hasDust()) engine.safety.reportDust(engine.config.symbol(), exit);
            }
        }
    }

    /** The one pipeline every order goes through. */
    Submission submit(OrderIntent requested) {
        Instant now = engine.clock.now();
        Instrument inst = engine.instrument(requested.symbol());
        OrderIntent intent = OrderRounding.round(requested, inst);
        BigDecimal refPrice = intent.limitPrice().orElse(engine.data.lastPrice(intent.symbol()));
        try {
            inst.check(intent.quantity(), refPrice, intent.type().hasLimitPrice());
        } catch (OrderRejectedException e) {
            if (intent.reduceOnly() && requested.quantity().signum() > 0) {
                reportDust(requested, intent);
            }
            return deny(requested, "sizing", e.getMessage());
        }
        boolean reducing = isReducing(intent);
        if (!engine.state.acceptsNewExposure() && !(reducing && engine.state.acceptsReducingOrders())) {
            return deny(intent, "state", "bot is " + engine.state + (engine.state == BotState.REDUCE_ONLY ? ": only orders that reduce the position are allowed" : ""));
        }
        if (engine.data.isStale(intent.symbol(), now, engine.config.staleAfter())) {
            return deny(intent, "stale-data", "no market data for " + intent.symbol() + " within " + engine.config.staleAfter());
        }
        for (RiskPolicy policy : engine.policies) {
            RiskDecision decision = policy.check(intent, engine.context);
            switch (decision.verdict()) {
                case ALLOW -> {
                }
                case BLOCK -> {
                    return deny(intent, policy.name(), decision.reason());
                }
                case RESIZE -> {
                    OrderIntent resized = OrderRounding.round(intent.withQuantity(decision.quantity().orElseThrow()), inst);
                    try {
                        inst.check(resized.quantity(), refPrice, resized.type().hasLimitPrice());
                    } catch (OrderRejectedException e) {
                        return deny(intent, policy.name(), decision.reason() + "; resized order is too small: " + e.getMessage());
                    }
                    intent = resized;
                }
            }
        }
        return engine.send(intent, now);
    }

    boolean isReducing(OrderIntent intent) {
        BigDecimal position = engine.portfolio.quantity(intent.symbol());
        if (position.signum() == 0) return false;
        boolean opposite = (position.signum() > 0) == (intent.side() == Side.SELL);
        return opposite && intent.quantity().compareTo(position.abs()) <= 0;
    }

    private Submission deny(OrderIntent intent, String by, String reason) {
        ordersDenied++;
        if (engine.auditsTrades()) TradeAudit.refusal(engine, intent, by, reason);
        engine.publish(new BotEvent.OrderDenied(engine.clock.now(), intent, by, reason));
        return Submission.denied(by, reason);
    }

    private void reportDust(OrderIntent requested, OrderIntent rounded) {
        engine.publish(new BotEvent.RiskAlert(engine.clock.now(), "sizing", SafetyAction.CONTINUE, BotEvent.AlertLevel.INFO,
                "dust: " + requested.quantity().toPlainString() + " " + requested.symbol()
                        + " is below the instrument's minimums and cannot be sold"));
    }
}
