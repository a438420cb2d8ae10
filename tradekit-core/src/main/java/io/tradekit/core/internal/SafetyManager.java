package io.tradekit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Position;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Ticker;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.core.FlattenResult;
import io.tradekit.core.SafetyReport;
import io.tradekit.core.errors.HealthMonitor;
import io.tradekit.core.sizing.ExitQuantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Asks every risk policy, and the health monitor, what the bot should do, after each fill, on a timer
 * and when the plumbing changes (an error, a connection), and carries out the most severe answer:
 * CONTINUE &lt; REDUCE_ONLY &lt; PAUSE &lt; FLATTEN &lt; EMERGENCY_STOP. A pause or reduce-only the safety
 * manager imposed lifts itself when every check says CONTINUE again; one an operator imposed, and
 * EMERGENCY_STOP, stay until an operator resumes (EMERGENCY_STOP even across a restart, and a pause
 * never lifts it). It also owns the pieces that act on positions for safety: the {@link Flattener}, the
 * {@link ProtectionManager}, and the risk listeners.
 */
public final class SafetyManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESTART_LOOKBACK = 1000;

    private final BotEngine engine;
    private final Flattener flattener;
    private final ProtectionManager protections;
    private final RiskEvents riskEvents = new RiskEvents();
    private HealthMonitor health;
    private boolean flattenOnStop;
    private boolean imposedBySafety;
    private SafetyVerdict lastVerdict;
    private List<SafetyVerdict> lastVerdicts = List.of();
    private final List<SafetyVerdict> history = new ArrayList<>();
    private boolean evaluating;
    private boolean evaluateAgain;

    SafetyManager(BotEngine engine) {
        this.engine = engine;
        this.flattener = new Flattener(engine);
        this.protections = new ProtectionManager(engine);
        this.health = new HealthMonitor(SafetyConfig.defaults().health(), engine.config.staleAfter());
    }

    /** Applies a builder's safety settings; call before the bot starts. */
    public void configure(SafetyConfig config) {
        protections.configure(config.protections());
        flattener.configure(config.flatten());
        health = new HealthMonitor(config.health(), engine.config.staleAfter());
        flattenOnStop = config.flattenOnStop();
        config.riskListeners().forEach(riskEvents::addListener);
    }

    public boolean flattenOnStop() {
        return flattenOnStop;
    }

    /** How long {@code TradingBot.flatten} waits for a flatten to finish. */
    public java.time.Duration flattenWaitTimeout() {
        return flattener.options().waitTimeout();
    }

    public void addRiskListener(Consumer<BotEvent> listener) {
        riskEvents.addListener(listener);
    }

    // ---------------------------------------------------------------- verdicts

    /** Runs every policy's assessment and the health monitor's, and acts on the most severe. */
    public void evaluate(String trigger) {
        BotState state = engine.state;
        if (state == BotState.CREATED || state == BotState.STARTING || state == BotState.STOPPED) return;
        if (evaluating) {
            // Asked again while acting (a listener, a flatten): once this pass ends, look again.
            evaluateAgain = true;
            return;
        }
        evaluating = true;
        try {
            do {
                evaluateAgain = false;
                SafetyVerdict worst = health.verdict(engine.clock.now());
                if (engine.policies.isEmpty()) {
                    // No policy: only health speaks, and the list of verdicts is the one verdict (no allocation per bar).
                    if (lastVerdicts.size() != 1 || lastVerdicts.get(0) != worst) lastVerdicts = List.of(worst);
                } else {
                    List<SafetyVerdict> verdicts = new ArrayList<>(engine.policies.size() + 1);
                    for (RiskPolicy policy : engine.policies) verdicts.add(policy.assess(engine.riskView));
                    verdicts.add(worst);
                    for (SafetyVerdict v : verdicts) if (v.action().isMoreSevereThan(worst.action())) worst = v;
                    lastVerdicts = List.copyOf(verdicts);
                }
                act(worst);
            } while (evaluateAgain);
        } finally {
            evaluating = false;
        }
    }

    private void act(SafetyVerdict verdict) {
        BotState state = engine.state;
        if (state == BotState.EMERGENCY_STOP) return;
        boolean news = lastVerdict == null || !lastVerdict.policy().equals(verdict.policy()) || lastVerdict.action() != verdict.action();
        if (verdict.action() != SafetyAction.CONTINUE && news) {
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
                if (!flattener.isRunning() && needsFlatten()) flattener.start(verdict.policy(), verdict.reason(), flattener.options().cancelOpenOrders());
            }
            case EMERGENCY_STOP -> emergencyStop(verdict.policy(), verdict.reason());
        }
    }

    /** A sellable position is left, or an open order that a flatten would cancel. */
    private boolean needsFlatten() {
        for (Position p : engine.portfolio.positions()) {
            if (!p.isFlat() && ExitQuantity.of(p.quantity(), engine.instrument(p.symbol()), Flattener.referencePrice(engine, p)).canSell()) {
                return true;
            }
        }
        if (!flattener.options().cancelOpenOrders()) return false;
        for (Order o : engine.orders.openOrders()) if (!Flattener.TAG.equals(o.tag())) return true;
        return false;
    }

    // ---------------------------------------------------------------- operator commands

    /** Cancels every open order, flattens and holds the bot until an operator resumes it. */
    public CompletableFuture<FlattenResult> emergencyStop(String actor, String reason) {
        imposedBySafety = false;
        if (engine.state != BotState.STOPPED) engine.transition(BotState.EMERGENCY_STOP, actor, reason);
        return flattener.start(actor, reason, true);
    }

    /** Stops new orders; it never lifts an EMERGENCY_STOP (only {@link #resume} does). */
    public void pause(String actor, String reason) {
        if (engine.state == BotState.STOPPED || engine.state == BotState.EMERGENCY_STOP) return;
        imposedBySafety = false;
        engine.transition(BotState.PAUSED, actor, reason);
    }

    /** Trades again: lifts a pause, REDUCE_ONLY or EMERGENCY_STOP, and a halt the health monitor holds. */
    public void resume(String actor, String reason) {
        imposedBySafety = false;
        lastVerdict = null;
        health.acknowledge();
        if (engine.state != BotState.STOPPED) engine.transition(BotState.RUNNING, actor, reason);
    }

    /** Closes every position (cancelling open orders first unless configured not to); joins a flatten that runs. */
    public CompletableFuture<FlattenResult> flatten(String actor, String reason) {
        return flattener.start(actor, reason, flattener.options().cancelOpenOrders());
    }

    /** The running flatten as it stands, or the last that finished. */
    public Optional<FlattenResult> currentFlatten() {
        return flattener.current();
    }

    /** Whether the bot has stop-loss, take-profit or trailing protections, which need prices between bar closes. */
    public boolean hasProtections() {
        return protections.isActive();
    }

    public boolean isFlattening() {
        return flattener.isRunning();
    }

    // ---------------------------------------------------------------- what the engine tells it

    /** A closed bar ({@code closeTime} is its close): market data for health, the protections, and a chasing flatten order to re-price. */
    void onBar(Bar bar, Instant closeTime) {
        onData(bar.symbol(), closeTime);
        protections.onBar(bar);
    }

    void onTicker(Ticker ticker) {
        onData(ticker.symbol(), ticker.time());
        protections.onTicker(ticker);
    }

    private void onData(String symbol, Instant time) {
        if (engine.lane(symbol) == null) return;
        boolean wasStale = health.isDataStale(engine.clock.now());
        health.onData(time);
        flattener.onMarket(symbol);
        if (wasStale && !health.isDataStale(engine.clock.now())) evaluate("market data resumed");
    }

    void onConnection(Event.ConnectionChanged change) {
        health.onConnection(change);
        evaluate("connection " + change.stream() + " " + change.state());
    }

    void onError(String source, ErrorCategory category, RecoveryAction action, String message) {
        health.onError(engine.clock.now(), source, category, action, message);
        if (health.verdict(engine.clock.now()).action() != SafetyAction.CONTINUE) evaluate("error from " + source);
    }

    void onOrder(Order order) {
        flattener.onOrder(order);
    }

    void onFill(Fill fill) {
        protections.onPositionChanged();
    }

    void onPublished(BotEvent event) {
        riskEvents.accept(event);
    }

    /** Tells the risk listeners about quantity an exit could not sell. */
    void reportDust(String symbol, ExitQuantity exit) {
        String text = exit.refusal().orElse("dust: " + exit.dust().stripTrailingZeros().toPlainString() + " " + symbol
                + " left after selling " + exit.sellable().stripTrailingZeros().toPlainString() + ": below the instrument's step");
        engine.publish(new BotEvent.RiskAlert(engine.clock.now(), "sizing", SafetyAction.CONTINUE, BotEvent.AlertLevel.INFO, text));
    }

    /** The stop distance the bot's stop-loss would give an entry at {@code price}, for sizing. */
    Optional<BigDecimal> stopDistance(BigDecimal price) {
        return protections.stopDistance(price);
    }

    Flattener flattener() {
        return flattener;
    }

    /**
     * The state a restarted bot resumes in: EMERGENCY_STOP if that is where its journal says it last was
     * (an emergency stop holds until an operator resumes, restart or not), RUNNING otherwise.
     */
    BotState stateAfterRestart() {
        List<AuditEvent> events = engine.store.events(RESTART_LOOKBACK);
        for (int i = events.size() - 1; i >= 0; i--) {
            AuditEvent e = events.get(i);
            if (!"state".equals(e.type())) continue;
            BotState to = parseTo(e.inputsJson());
            if (to == null || to == BotState.STARTING || to == BotState.STOPPED || to == BotState.CREATED) continue;
            return to == BotState.EMERGENCY_STOP ? BotState.EMERGENCY_STOP : BotState.RUNNING;
        }
        return BotState.RUNNING;
    }

    private static BotState parseTo(String json) {
        try {
            JsonNode to = JSON.readTree(json).path("to");
            return to.isTextual() ? BotState.valueOf(to.asText()) : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    // ---------------------------------------------------------------- reporting

    /** The non-CONTINUE verdicts acted on, oldest first. */
    public List<SafetyVerdict> history() {
        return List.copyOf(history);
    }

    public HealthMonitor health() {
        return health;
    }

    public SafetyReport report() {
        Instant now = engine.clock.now();
        List<SafetyVerdict> active = new ArrayList<>();
        for (SafetyVerdict v : lastVerdicts) if (v.action() != SafetyAction.CONTINUE) active.add(v);
        List<SafetyReport.LimitStatus> limits = new ArrayList<>();
        if (engine.portfolio != null) {
            for (RiskPolicy p : engine.policies) for (LimitUsage u : p.usage(engine.riskView)) limits.add(new SafetyReport.LimitStatus(p.name(), u));
        }
        BotState state = engine.state;
        return SafetyReport.builder()
                .time(now)
                .state(state)
                .level(SafetyReport.Level.of(state, active, limits))
                .activeBreakers(active)
                .limits(limits)
                .recentEvents(riskEvents.recent())
                .health(health.report(now))
                .protection(protections.levels())
                .flatten(flattener.current())
                .build();
    }
}
