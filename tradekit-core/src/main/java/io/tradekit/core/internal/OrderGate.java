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
import io.tradekit.core.perp.ReduceOnly;
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

    /**
     * A strategy's signal: BUY closes a short or enters long, SELL closes a long or, on a derivatives bot
     * whose strategy allows shorts, enters short; an entry is sized by the bot's sizer. Nothing is sent while
     * an order of the bot is working.
     */
    void signal(Signal signal) {
        if (signal == Signal.HOLD || engine.orders.openCount() > 0) return;
        BigDecimal position = engine.portfolio.quantity(engine.config.symbol());
        BigDecimal price = engine.data.lastPrice(engine.config.symbol());
        Side side = signal == Signal.BUY ? Side.BUY : Side.SELL;
        // Dust left by an earlier exit is no position: it must not keep the bot from entering again.
        boolean holding = position.signum() != 0 && ExitQuantity.of(position, engine.instrument, price).canSell();
        if (holding && position.signum() == side.sign()) return;
        if (position.signum() == -side.sign()) {
            exit(side, position, price);
            return;
        }
        if (side == Side.SELL && !(engine.instrument.isDerivative() && engine.strategy.allowsShort())) return;
        enter(side, price);
    }

    private void enter(Side side, BigDecimal price) {
        boolean derivative = engine.instrument.isDerivative();
        BigDecimal funds = derivative ? engine.context.marginAccount().availableBalance() : engine.portfolio.cash();
        SizingDecision size = SizingDecision.entry(engine.config.sizer(), new SizingInput(engine.instrument, price, engine.equity(), funds,
                engine.config.takerFeeRate(), engine.safety.stopDistance(price), derivative ? engine.config.leverage() : BigDecimal.ONE));
        OrderIntent entry = OrderIntent.market(engine.config.symbol(), side, size.quantity()).withTag("signal");
        if (size.isRefused()) {
            deny(entry, "sizing", size.refusal().get());
            return;
        }
        submit(entry);
    }

    /** Closes what the filters let us close; what is left below them is dust, reported rather than refused whole. */
    private void exit(Side side, BigDecimal position, BigDecimal price) {
        ExitQuantity exit = ExitQuantity.of(position, engine.instrument, price);
        if (!exit.canSell()) {
            if (side == Side.SELL) {
                deny(OrderIntent.market(engine.config.symbol(), side, position.abs()).asReduceOnly().withTag("signal"), "sizing",
                        exit.refusal().orElse("nothing to sell"));
            }
            return;
        }
        Submission sent = submit(OrderIntent.market(engine.config.symbol(), side, exit.sellable()).asReduceOnly().withTag("signal"));
        if (sent.isSent() && exit.hasDust()) engine.safety.reportDust(engine.config.symbol(), exit);
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
        if (intent.reduceOnly() && inst.isDerivative()) {
            var refusal = ReduceOnly.refusal(intent.symbol(), engine.portfolio.quantity(intent.symbol()), intent.side(), intent.quantity());
            if (refusal.isPresent()) return deny(intent, "reduce-only", refusal.get());
        }
        boolean reducing = isReducing(intent);
        if (!engine.state.acceptsNewExposure() && !(reducing && engine.state.acceptsReducingOrders())) {
            return deny(intent, "state", "bot is " + engine.state + (engine.state == BotState.REDUCE_ONLY ? ": only orders that reduce the position are allowed" : ""));
        }
        if (engine.data.isStale(intent.symbol(), now, engine.config.staleAfter())) {
            return deny(intent, "stale-data", "no market data for " + intent.symbol() + " within " + engine.config.staleAfter());
        }
        for (RiskPolicy policy : engine.policies) {
            RiskDecision decision = policy.check(intent, engine.riskView);
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
