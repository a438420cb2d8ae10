package io.tradekit.core.internal;

import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.FlattenOptions;
import io.tradekit.core.FlattenResult;
import io.tradekit.core.sizing.ExitQuantity;
import io.tradekit.core.sizing.OrderRounding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a bot flat, as a small state machine on the loop that moves on as orders change:
 * <ol>
 *   <li>cancel the open orders (unless told not to) and wait for the venue to confirm, at most
 *       {@code cancelWait};</li>
 *   <li>for each position, send one reduce-only closing order for what can be sold: a market order,
 *       or, when the venue takes none, a limit order {@code chaseFraction} through the last price that
 *       is cancelled and sent again at a fresh price on every bar and every {@code repriceInterval};</li>
 *   <li>when a closing order ends, look again: a partial fill leaves a remainder that gets a new order;
 *       a refusal is retried after a backoff delay, up to {@code maxAttempts} refusals;</li>
 *   <li>finish when nothing sellable is left (FLAT, or DUST when only what no order can sell remains),
 *       or give up after {@code maxAttempts} refusals or {@code giveUpAfter}.</li>
 * </ol>
 * One flatten runs at a time: asking again while it runs joins it (the same future). Closing orders
 * skip the risk policies and the bot's state (they only reduce) but are written ahead like every order.
 */
final class Flattener {

    /** The tag of closing orders, so that a flatten never cancels its own orders. */
    static final String TAG = "flatten";
    static final String POLICY = "flatten";

    private enum Phase { CANCELLING, CLOSING }

    private final BotEngine engine;
    private final Random random;
    private FlattenOptions options = FlattenOptions.defaults();
    private Run run;
    private FlattenResult last;

    Flattener(BotEngine engine) {
        this.engine = engine;
        // Seeded by the bot, so that a backtest's retry delays are the same on every run.
        this.random = new Random(engine.config.botId().hashCode());
    }

    void configure(FlattenOptions newOptions) {
        this.options = newOptions;
    }

    FlattenOptions options() {
        return options;
    }

    boolean isRunning() {
        return run != null;
    }

    /** The running flatten as it stands, or the last one that finished. */
    Optional<FlattenResult> current() {
        if (run != null) return Optional.of(run.result(FlattenResult.Outcome.RUNNING));
        return Optional.ofNullable(last);
    }

    /** Starts a flatten, or joins the one that runs; {@code cancelOrders} also cancels open orders in a running one. */
    CompletableFuture<FlattenResult> start(String actor, String reason, boolean cancelOrders) {
        if (run != null) {
            if (cancelOrders && !run.cancelledOrders) {
                run.cancelOpenOrders();
                advance();
            }
            return run.future;
        }
        Run r = new Run(actor, reason);
        run = r;
        engine.audit("flatten", actor, "started: " + reason, "{}");
        alert(BotEvent.AlertLevel.WARNING, "flatten started by " + actor + ": " + reason);
        if (cancelOrders) r.cancelOpenOrders();
        engine.timers.scheduleAfter(r.startedAt, options.giveUpAfter(), () -> giveUp(r));
        advance();
        return r.future;
    }

    /** An order of the bot changed: a cancel confirmed or a closing order ended moves the flatten on. */
    void onOrder(Order order) {
        Run r = run;
        if (r == null || !order.status().isTerminal()) return;
        String id = order.clientOrderId();
        if (r.cancelling.contains(id)) {
            advance();
        } else if (r.closing.contains(id)) {
            r.repricing.remove(id);
            if (order.status() == OrderStatus.REJECTED) {
                refused(r, order);
            } else {
                if (order.status() != OrderStatus.FILLED && !r.repriced.contains(id)) {
                    r.errors.add("closing order " + id + " ended " + order.status() + " with "
                            + plain(order.remainingQuantity()) + " of " + plain(order.quantity()) + " unfilled"
                            + order.reason().map(why -> " (" + why + ")").orElse(""));
                }
                advance();
            }
        }
    }

    /** New market data for a symbol: a chasing limit order that has not filled is re-priced. */
    void onMarket(String symbol) {
        Run r = run;
        if (r == null) return;
        String id = r.working.get(symbol);
        if (id != null) reprice(r, id);
    }

    private void refused(Run r, Order order) {
        r.failures++;
        r.errors.add("closing order " + order.clientOrderId() + " refused (" + r.failures + " of " + options.maxAttempts() + "): "
                + order.reason().orElse("no reason given"));
        if (r.failures >= options.maxAttempts()) {
            finish(r, FlattenResult.Outcome.GAVE_UP);
            return;
        }
        Duration wait = options.backoff().delay(r.failures, random);
        r.waitingUntil = engine.clock.now().plus(wait);
        engine.timers.scheduleAfter(engine.clock.now(), wait, () -> {
            if (run != r) return;
            r.waitingUntil = null;
            advance();
        });
    }

    private void advance() {
        Run r = run;
        if (r == null) return;
        if (r.phase == Phase.CANCELLING) {
            r.cancelling.removeIf(id -> engine.orders.get(id).map(o -> o.status().isTerminal()).orElse(true));
            if (!r.cancelling.isEmpty() && engine.clock.now().isBefore(r.cancelDeadline)) return;
            if (!r.cancelling.isEmpty()) {
                r.errors.add(r.cancelling.size() + " orders not confirmed cancelled within " + options.cancelWait() + ": " + r.cancelling);
                r.cancelling.clear();
            }
            r.phase = Phase.CLOSING;
        }
        boolean busy = false;
        for (Position p : engine.portfolio.positions()) {
            if (p.isFlat()) continue;
            String working = r.working.get(p.symbol());
            if (working != null && engine.orders.get(working).map(o -> o.status().isOpen()).orElse(false)) {
                busy = true;
                continue;
            }
            r.working.remove(p.symbol());
            Instrument inst = engine.instrument(p.symbol());
            BigDecimal price = referencePrice(engine, p);
            ExitQuantity exit = ExitQuantity.of(p.quantity(), inst, price);
            if (!exit.canSell()) {
                exit.refusal().ifPresent(r.dust::add);
                continue;
            }
            busy = true;
            if (r.waitingUntil == null) close(r, p, inst, exit.sellable(), price);
        }
        if (!busy) finish(r, FlattenResult.Outcome.FLAT);
    }

    /**
     * The price a closing order is measured (and a chasing one priced) against: the last price, or, before
     * any market data arrived (a flatten right after a restart), the position's entry price.
     */
    static BigDecimal referencePrice(BotEngine engine, Position p) {
        BigDecimal last = engine.data.lastPrice(p.symbol());
        return last.signum() > 0 ? last : p.averageCost();
    }

    private void close(Run r, Position p, Instrument inst, BigDecimal quantity, BigDecimal last) {
        Side side = p.quantity().signum() > 0 ? Side.SELL : Side.BUY;
        boolean market = engine.venue.capabilities().contains(ExchangeAdapter.Capability.MARKET_ORDERS);
        OrderIntent intent;
        if (market) {
            intent = OrderIntent.market(p.symbol(), side, quantity);
        } else {
            BigDecimal through = side == Side.SELL ? BigDecimal.ONE.subtract(options.chaseFraction()) : BigDecimal.ONE.add(options.chaseFraction());
            BigDecimal price = OrderRounding.price(last.multiply(through, MathContext.DECIMAL64), side, inst);
            intent = new OrderIntent(p.symbol(), side, OrderType.LIMIT, quantity, Optional.of(price), TimeInForce.GTC, true, TAG);
        }
        String id = engine.send(intent.asReduceOnly().withTag(TAG), engine.clock.now()).clientOrderId();
        r.closing.add(id);
        r.working.put(p.symbol(), id);
        if (!market) engine.timers.scheduleAfter(engine.clock.now(), options.repriceInterval(), () -> reprice(r, id));
    }

    /** Cancels a chasing limit order that is still open; its confirmation brings a new order at the current price. */
    private void reprice(Run r, String id) {
        if (run != r || r.repricing.contains(id)) return;
        Optional<Order> order = engine.orders.get(id);
        if (order.isEmpty() || order.get().status().isTerminal() || order.get().type() == OrderType.MARKET) return;
        r.repricing.add(id);
        r.repriced.add(id);
        engine.cancel(id);
    }

    private void giveUp(Run r) {
        if (run != r) return;
        r.errors.add("gave up after " + options.giveUpAfter() + " on the bot's clock");
        for (String id : r.working.values()) engine.cancel(id);
        finish(r, FlattenResult.Outcome.GAVE_UP);
    }

    private void finish(Run r, FlattenResult.Outcome requested) {
        BigDecimal residual = residual();
        FlattenResult.Outcome outcome = requested == FlattenResult.Outcome.FLAT && residual.signum() > 0 ? FlattenResult.Outcome.DUST : requested;
        r.errors.addAll(r.dust);
        FlattenResult result = r.result(outcome);
        run = null;
        last = result;
        String summary = "flatten " + outcome + ": " + result.closingOrders().size() + " closing orders, " + result.ordersCancelled()
                + " cancelled, " + plain(residual) + " left" + (result.errors().isEmpty() ? "" : "; " + String.join("; ", result.errors()));
        engine.audit("flatten", r.actor, summary, "{\"outcome\":\"" + outcome + "\"}");
        alert(outcome == FlattenResult.Outcome.GAVE_UP ? BotEvent.AlertLevel.CRITICAL : BotEvent.AlertLevel.INFO, summary);
        r.future.complete(result);
    }

    private BigDecimal residual() {
        BigDecimal left = BigDecimal.ZERO;
        for (Position p : engine.portfolio.positions()) left = left.add(p.quantity().abs());
        return left;
    }

    private void alert(BotEvent.AlertLevel level, String text) {
        engine.publish(new BotEvent.RiskAlert(engine.clock.now(), POLICY, SafetyAction.CONTINUE, level, text));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** One flatten in progress. */
    private final class Run {
        final String actor;
        final String reason;
        final Instant startedAt = engine.clock.now();
        final CompletableFuture<FlattenResult> future = new CompletableFuture<>();
        final Set<String> cancelling = new LinkedHashSet<>();
        final List<String> cancelled = new ArrayList<>();
        final List<String> closing = new ArrayList<>();
        final Map<String, String> working = new LinkedHashMap<>();
        final Set<String> repricing = new LinkedHashSet<>();
        final Set<String> repriced = new LinkedHashSet<>();
        final List<String> errors = new ArrayList<>();
        final Set<String> dust = new LinkedHashSet<>();
        Phase phase = Phase.CLOSING;
        Instant cancelDeadline = Instant.MIN;
        Instant waitingUntil;
        int failures;
        boolean cancelledOrders;

        Run(String actor, String reason) {
            this.actor = actor;
            this.reason = reason;
        }

        void cancelOpenOrders() {
            cancelledOrders = true;
            for (Order o : engine.orders.openOrders()) {
                if (TAG.equals(o.tag())) continue;
                engine.cancel(o.clientOrderId());
                cancelling.add(o.clientOrderId());
                cancelled.add(o.clientOrderId());
            }
            if (!cancelling.isEmpty()) {
                phase = Phase.CANCELLING;
                cancelDeadline = engine.clock.now().plus(options.cancelWait());
                engine.timers.scheduleAfter(engine.clock.now(), options.cancelWait(), () -> {
                    if (run == this) advance();
                });
            }
        }

        FlattenResult result(FlattenResult.Outcome outcome) {
            Duration took = Duration.between(startedAt, engine.clock.now());
            return FlattenResult.builder()
                    .reason(reason)
                    .outcome(outcome)
                    .cancelledOrders(cancelled)
                    .closingOrders(closing)
                    .residualQuantity(residual())
                    .duration(took.isNegative() ? Duration.ZERO : took)
                    .errors(errors)
                    .build();
        }
    }
}
