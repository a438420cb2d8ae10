package io.tradekit.core.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.FlattenResult;
import io.tradekit.core.sizing.OrderRounding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks every risk policy what the bot should do, after each fill and on a timer, and carries out the
 * most severe answer: CONTINUE &lt; REDUCE_ONLY &lt; PAUSE &lt; FLATTEN &lt; EMERGENCY_STOP. A pause or
 * reduce-only the safety manager imposed lifts itself when every policy says CONTINUE again; one an
 * operator imposed, and EMERGENCY_STOP, stay until an operator resumes.
 */
public final class SafetyManager {

    /** How far past the last price an aggressive closing limit order is placed when market orders are not allowed. */
    private static final BigDecimal CHASE_FRACTION = new BigDecimal("0.005");

    private final BotEngine engine;
    private boolean imposedBySafety;
    private SafetyVerdict lastVerdict;
    private final List<SafetyVerdict> history = new ArrayList<>();

    SafetyManager(BotEngine engine) {
        this.engine = engine;
    }

    /** Runs every policy's assessment and acts on the most severe. */
    public void evaluate(String trigger) {
        BotState state = engine.state;
        if (state == BotState.CREATED || state == BotState.STARTING || state == BotState.STOPPED) return;
        SafetyVerdict worst = SafetyVerdict.ok("safety");
        for (RiskPolicy policy : engine.policies) {
            SafetyVerdict v = policy.assess(engine.context);
            if (v.action().isMoreSevereThan(worst.action())) worst = v;
        }
        act(worst);
    }

    private void act(SafetyVerdict verdict) {
        BotState state = engine.state;
        if (state == BotState.EMERGENCY_STOP) return;
        if (verdict.action() != SafetyAction.CONTINUE && !verdict.equals(lastVerdict)) {
            history.add(verdict);
            engine.audit("safety", verdict.policy(), verdict.action() + ": " + verdict.reason(), "{}");
            engine.publish(new BotEvent.RiskAlert(engine.clock.now(), verdict.policy(), verdict.action(),
                    verdict.action().isMoreSevereThan(SafetyAction.PAUSE) ? BotEvent.AlertLevel.CRITICAL : BotEvent.AlertLevel.WARNING,
                    verdict.reason()));
        }
        lastVerdict = verdict;
        switch (verdict.action()) {
            case CONTINUE -> {
                if (imposedBySafety && (state == BotState.PAUSED || state == BotState.REDUCE_ONLY)) {
                    imposedBySafety = false;
                    engine.transition(BotState.RUNNING, "safety", "every limit is within bounds again");
                }
            }
            case REDUCE_ONLY -> {
                if (state == BotState.RUNNING) {
                    imposedBySafety = true;
                    engine.transition(BotState.REDUCE_ONLY, verdict.policy(), verdict.reason());
                }
            }
            case PAUSE -> {
                if (state == BotState.RUNNING || state == BotState.REDUCE_ONLY) {
                    imposedBySafety = imposedBySafety || state == BotState.RUNNING;
                    engine.transition(BotState.PAUSED, verdict.policy(), verdict.reason());
                }
            }
            case FLATTEN -> {
                if (state == BotState.RUNNING || state == BotState.REDUCE_ONLY) {
                    imposedBySafety = true;
                    engine.transition(BotState.PAUSED, verdict.policy(), verdict.reason());
                }
                if (!engine.portfolio.isFlat() && !closingInFlight()) flatten(verdict.policy(), verdict.reason());
            }
            case EMERGENCY_STOP -> emergencyStop(verdict.policy(), verdict.reason());
        }
    }

    /** Cancels, flattens and holds the bot until an operator resumes it. */
    public FlattenResult emergencyStop(String actor, String reason) {
        imposedBySafety = false;
        engine.transition(BotState.EMERGENCY_STOP, actor, reason);
        return flatten(actor, reason);
    }

    public void pause(String actor, String reason) {
        imposedBySafety = false;
        if (engine.state != BotState.STOPPED) engine.transition(BotState.PAUSED, actor, reason);
    }

    public void resume(String actor, String reason) {
        imposedBySafety = false;
        lastVerdict = null;
        if (engine.state != BotState.STOPPED) engine.transition(BotState.RUNNING, actor, reason);
    }

    /**
     * Cancels every open order, then closes every position with reduce-only market orders, or with
     * aggressive limit orders when the venue takes no market orders. Closing orders skip the risk
     * policies (they only reduce) but are written ahead like every order.
     */
    public FlattenResult flatten(String actor, String reason) {
        long startNanos = System.nanoTime();
        engine.audit("flatten", actor, reason, "{}");
        List<String> errors = new ArrayList<>();
        int cancelled = 0;
        for (Order o : engine.orders.openOrders()) {
            if (!"flatten".equals(o.tag())) {
                engine.cancel(o.clientOrderId());
                cancelled++;
            }
        }
        List<String> closing = new ArrayList<>();
        BigDecimal residual = BigDecimal.ZERO;
        boolean market = engine.venue.capabilities().contains(ExchangeAdapter.Capability.MARKET_ORDERS);
        for (Position p : engine.portfolio.positions()) {
            if (p.isFlat()) continue;
            Instrument inst = engine.instrument(p.symbol());
            Side side = p.quantity().signum() > 0 ? Side.SELL : Side.BUY;
            BigDecimal qty = OrderRounding.quantityDown(p.quantity().abs(), inst);
            BigDecimal last = engine.data.lastPrice(p.symbol());
            OrderIntent intent;
            if (market) {
                intent = OrderIntent.market(p.symbol(), side, qty);
            } else {
                BigDecimal chase = side == Side.SELL ? BigDecimal.ONE.subtract(CHASE_FRACTION) : BigDecimal.ONE.add(CHASE_FRACTION);
                BigDecimal price = OrderRounding.price(last.multiply(chase, MathContext.DECIMAL64), side, inst);
                intent = new OrderIntent(p.symbol(), side, OrderType.LIMIT, qty, Optional.of(price), TimeInForce.GTC, true, "flatten");
            }
            intent = intent.asReduceOnly().withTag("flatten");
            try {
                inst.check(qty, last.signum() > 0 ? last : BigDecimal.ONE, false);
            } catch (RuntimeException e) {
                residual = residual.add(p.quantity().abs());
                errors.add(p.symbol() + ": " + p.quantity().abs().toPlainString() + " left as dust: " + e.getMessage());
                continue;
            }
            Submission s = engine.send(intent, engine.clock.now());
            closing.add(s.clientOrderId());
            residual = residual.add(p.quantity().abs().subtract(qty));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        engine.audit("flatten", actor, "sent " + closing.size() + " closing orders, cancelled " + cancelled
                + (errors.isEmpty() ? "" : "; " + String.join("; ", errors)), "{}");
        return new FlattenResult(cancelled, closing, residual, took.isNegative() ? Duration.ZERO : took, errors);
    }

    private boolean closingInFlight() {
        for (Order o : engine.orders.openOrders()) if ("flatten".equals(o.tag())) return true;
        return false;
    }

    /** The non-CONTINUE verdicts acted on, oldest first. */
    public List<SafetyVerdict> history() {
        return List.copyOf(history);
    }
}
