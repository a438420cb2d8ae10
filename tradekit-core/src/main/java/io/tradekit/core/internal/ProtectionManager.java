package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.protection.PositionGuard;
import io.tradekit.core.protection.ProtectionLevels;
import io.tradekit.core.protection.ProtectionTrigger;
import io.tradekit.core.protection.Protections;
import io.tradekit.core.sizing.ExitQuantity;
import io.tradekit.core.sizing.OrderRounding;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.num.Num;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the bot's {@link Protections} on its position in its symbol. The levels are set when the
 * position opens (or its average entry moves) and checked on every bar and ticker; when one is hit,
 * the position is closed with a reduce-only market order (an aggressive limit order on a venue
 * without market orders) through the engine's normal pipeline, and a risk alert names the protection.
 * Nothing is done while a flatten runs: the flatten closes the position itself.
 */
final class ProtectionManager {

    private final BotEngine engine;
    private final Map<Integer, ATRIndicator> atr = new HashMap<>();
    private Protections protections = Protections.none();
    private PositionGuard guard;
    private String exitOrder;
    private boolean unresolvedReported;
    private java.util.List<BigDecimal> watched = java.util.List.of();

    ProtectionManager(BotEngine engine) {
        this.engine = engine;
    }

    void configure(Protections newProtections) {
        this.protections = newProtections;
    }

    Protections protections() {
        return protections;
    }

    Optional<ProtectionLevels> levels() {
        return Optional.ofNullable(guard).map(PositionGuard::levels);
    }

    /** The stop distance a new entry at {@code price} would get, for sizing by risk per trade. */
    Optional<BigDecimal> stopDistance(BigDecimal price) {
        return protections.stopLoss().flatMap(d -> d.resolve(price, this::atr));
    }

    /** After a fill: the position may have opened, grown or closed; the levels start from here, never earlier in the bar. */
    void onPositionChanged() {
        sync();
        watchLevels();
    }

    /**
     * A closed bar is judged at its close only: the prices inside it reach the protections as they happen
     * (tickers live, the price path's stops on a paper venue), so a position entered inside a bar is never
     * judged on the part of the bar before its entry.
     */
    void onBar(Bar bar) {
        if (!bar.symbol().equals(engine.config.symbol())) return;
        sync();
        evaluate(bar.close(), bar.close());
        watchLevels();
    }

    void onTicker(Ticker ticker) {
        if (!ticker.symbol().equals(engine.config.symbol())) return;
        evaluate(ticker.last(), ticker.last());
        watchLevels();
    }

    /** Whether any protection is configured (a live bot then subscribes to tickers). */
    boolean isActive() {
        return !protections.isEmpty();
    }

    /** A paper venue stops its price path at the levels in force, where a live ticker would show the price crossing them. */
    private void watchLevels() {
        if (!(engine.venue instanceof io.tradekit.core.paper.PaperExchange paper)) return;
        if (guard == null && watched.isEmpty()) return; // the common case without protections: nothing to tell the venue
        java.util.List<BigDecimal> levels = new java.util.ArrayList<>(2);
        if (guard != null) {
            guard.levels().stop().ifPresent(levels::add);
            guard.levels().takeProfit().ifPresent(levels::add);
        }
        if (levels.equals(watched)) return;
        watched = levels;
        paper.watch(engine.config.symbol(), levels);
    }

    private void sync() {
        if (protections.isEmpty() || engine.portfolio == null) return;
        Position p = engine.portfolio.position(engine.config.symbol());
        if (p.isFlat()) {
            guard = null;
            exitOrder = null;
            return;
        }
        boolean isLong = p.quantity().signum() > 0;
        boolean anchored = guard != null && guard.isLong() == isLong && guard.entry().compareTo(p.averageCost()) == 0;
        if (anchored && guard.unresolved().isEmpty()) return;
        guard = PositionGuard.open(protections, isLong, p.averageCost(), engine.instrument, this::atr);
        if (!guard.unresolved().isEmpty() && !unresolvedReported) {
            unresolvedReported = true;
            alert(BotEvent.AlertLevel.WARNING, "protection", "protections not in force yet: " + String.join("; ", guard.unresolved()));
        } else if (guard.unresolved().isEmpty()) {
            unresolvedReported = false;
        }
    }

    private void evaluate(BigDecimal low, BigDecimal high) {
        if (guard == null || protections.isEmpty()) return;
        BotState state = engine.state;
        if (state == BotState.CREATED || state == BotState.STARTING || state == BotState.STOPPED) return;
        if (engine.safety.flattener().isRunning()) return;
        if (exitOrder != null) {
            var working = engine.orders.get(exitOrder);
            if (working.isPresent() && working.get().status().isOpen()) {
                // A market exit is filling; a limit exit the price left behind is cancelled and sent again below the new price.
                if (working.get().type() != OrderType.MARKET && guard.check(low, high).isPresent()) engine.cancel(exitOrder);
                return;
            }
            exitOrder = null;
        }
        Optional<ProtectionTrigger> hit = guard.check(low, high);
        if (hit.isPresent()) {
            exit(hit.get());
            return;
        }
        if (guard.advance(low, high)) {
            alert(BotEvent.AlertLevel.INFO, "breakeven-stop", "stop moved to the entry " + guard.entry().stripTrailingZeros().toPlainString()
                    + " after the price reached " + guard.levels().bestPrice().stripTrailingZeros().toPlainString());
        }
    }

    private void exit(ProtectionTrigger trigger) {
        Position p = engine.portfolio.position(engine.config.symbol());
        Instrument inst = engine.instrument;
        BigDecimal last = engine.data.lastPrice(p.symbol());
        engine.audit("protection", trigger.kind().label(), trigger.reason(), "{}");
        alert(BotEvent.AlertLevel.WARNING, trigger.kind().label(), trigger.reason() + "; closing " + p.quantity().abs().stripTrailingZeros().toPlainString()
                + " " + inst.baseAsset());
        ExitQuantity exit = ExitQuantity.of(p.quantity(), inst, last);
        if (!exit.canSell()) {
            engine.safety.reportDust(p.symbol(), exit);
            return;
        }
        Side side = p.quantity().signum() > 0 ? Side.SELL : Side.BUY;
        OrderIntent intent;
        if (engine.venue.capabilities().contains(ExchangeAdapter.Capability.MARKET_ORDERS)) {
            intent = OrderIntent.market(p.symbol(), side, exit.sellable());
        } else {
            BigDecimal chase = engine.safety.flattener().options().chaseFraction();
            BigDecimal through = side == Side.SELL ? BigDecimal.ONE.subtract(chase) : BigDecimal.ONE.add(chase);
            BigDecimal price = OrderRounding.price(last.multiply(through, MathContext.DECIMAL64), side, inst);
            intent = new OrderIntent(p.symbol(), side, OrderType.LIMIT, exit.sellable(), Optional.of(price), TimeInForce.GTC, true, "");
        }
        Submission s = engine.submit(intent.asReduceOnly().withTag(trigger.kind().label()));
        if (s.isSent()) {
            exitOrder = s.clientOrderId();
            if (exit.hasDust()) engine.safety.reportDust(p.symbol(), exit);
        }
    }

    private Optional<BigDecimal> atr(int period) {
        BarSeries series = engine.data.ta4jSeries(engine.config.symbol(), engine.config.timeframe());
        if (series.getBarCount() < period) return Optional.empty();
        Num value = atr.computeIfAbsent(period, n -> new ATRIndicator(series, n)).getValue(series.getEndIndex());
        double v = value.doubleValue();
        return Double.isFinite(v) && v > 0 ? Optional.of(BigDecimal.valueOf(v)) : Optional.empty();
    }

    private void alert(BotEvent.AlertLevel level, String policy, String text) {
        engine.publish(new BotEvent.RiskAlert(engine.clock.now(), policy, SafetyAction.CONTINUE, level, text));
    }
}
