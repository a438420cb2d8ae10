package io.tradekit.core.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.RiskContext;
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
 * one position per pair on a bot that holds it, every risk policy, a budgeted bot's free budget) before
 * the execution side writes it ahead and sends it. A refusal is an event with who refused and why, never
 * an exception.
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
     * A lane's strategy's signal: BUY closes a short or enters long, SELL closes a long or, on a derivatives
     * bot whose strategy allows shorts, enters short; an entry is sized by the bot's sizer from the funds its
     * working entries have not reserved ({@link Allocation}). Nothing is sent while an order of the lane's pair
     * is working.
     */
    void signal(Lane lane, Signal signal) {
        if (signal == Signal.HOLD || hasWorkingOrder(lane.symbol)) return;
        BigDecimal position = engine.portfolio.quantity(lane.symbol);
        BigDecimal price = engine.data.lastPrice(lane.symbol);
        Side side = signal == Signal.BUY ? Side.BUY : Side.SELL;
        // Dust left by an earlier exit is no position: it must not keep the bot from entering again.
        boolean holding = position.signum() != 0 && ExitQuantity.of(position, lane.instrument, price).canSell();
        if (holding && position.signum() == side.sign()) return;
        if (position.signum() == -side.sign()) {
            exit(lane, side, position, price);
            return;
        }
        if (side == Side.SELL && !(lane.instrument.isDerivative() && lane.strategy.allowsShort())) return;
        enter(lane, side, price);
    }

    private boolean hasWorkingOrder(String symbol) {
        if (engine.lanes.size() == 1) return engine.orders.openCount() > 0;
        for (var o : engine.orders.openOrders()) if (o.symbol().equals(symbol)) return true;
        return false;
    }

    private void enter(Lane lane, Side side, BigDecimal price) {
        boolean derivative = lane.instrument.isDerivative();
        BigDecimal funds = engine.allocation.freeFunds(lane.instrument);
        SizingDecision size = SizingDecision.entry(engine.config.sizer(), new SizingInput(lane.instrument, price, engine.equity(), funds,
                engine.config.takerFeeRate(), engine.safety.stopDistance(price), derivative ? engine.config.leverage() : BigDecimal.ONE));
        OrderIntent entry = OrderIntent.market(lane.symbol, side, size.quantity()).withTag("signal");
        if (size.isRefused()) {
            deny(entry, "sizing", size.refusal().get());
            return;
        }
        submit(entry);
    }

    /** Closes what the filters let us close; what is left below them is dust, reported rather than refused whole. */
    private void exit(Lane lane, Side side, BigDecimal position, BigDecimal price) {
        ExitQuantity exit = ExitQuantity.of(position, lane.instrument, price);
        if (!exit.canSell()) {
            if (side == Side.SELL) {
                deny(OrderIntent.market(lane.symbol, side, position.abs()).asReduceOnly().withTag("signal"), "sizing",
                        exit.refusal().orElse("nothing to sell"));
            }
            return;
        }
        Submission sent = submit(OrderIntent.market(lane.symbol, side, exit.sellable()).asReduceOnly().withTag("signal"));
        if (sent.isSent() && exit.hasDust()) engine.safety.reportDust(lane.symbol, exit);
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
        if (!reducing && engine.holdsOnePositionPerPair()) {
            var second = secondPosition(intent, inst, refPrice);
            if (second.isPresent()) return deny(intent, "one-position-per-pair", second.get());
        }
        Lane lane = engine.lane(intent.symbol());
        RiskContext seen = lane != null ? lane.policyView : engine.riskView;
        for (RiskPolicy policy : engine.policies) {
            RiskDecision decision = policy.check(intent, seen);
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
        var overBudget = engine.allocation.refusal(intent, inst, refPrice);
        if (overBudget.isPresent()) return deny(intent, "budget", overBudget.get());
        return engine.send(intent, now);
    }

    /**
     * Why an order that does not reduce the position would make a second one on its pair: the pair holds a
     * position (more than dust), or an order that is not reduce-only is already working on it.
     */
    private java.util.Optional<String> secondPosition(OrderIntent intent, Instrument inst, BigDecimal price) {
        BigDecimal held = engine.portfolio.quantity(intent.symbol());
        if (held.signum() != 0 && ExitQuantity.of(held, inst, price).canSell()) {
            return java.util.Optional.of(intent.symbol() + " already holds a position of " + held.toPlainString()
                    + "; a bot with several pairs holds one position per pair");
        }
        for (var o : engine.orders.openOrders()) {
            if (o.symbol().equals(intent.symbol()) && Allocation.isEntry(inst, o.side(), o.reduceOnly())) {
                return java.util.Optional.of(intent.symbol() + " already has entry order " + o.clientOrderId()
                        + " working; a bot with several pairs holds one position per pair");
            }
        }
        return java.util.Optional.empty();
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
