package io.tradekit.control.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Position;
import io.tradekit.api.event.BotEvent;
import io.tradekit.control.BotSpec;
import io.tradekit.control.BotStatus;
import io.tradekit.control.FleetEntry;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.SafetyReport;
import io.tradekit.core.TradingBot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bot in the supervisor's hands: its spec, the running handle, its status and the figures last sampled,
 * with the equity points sampled since it started (the last {@value #MAX_POINTS}).
 */
public final class ManagedBot {

    static final int MAX_POINTS = 5_000;

    private final BotSpec spec;
    private final ArrayDeque<EquityPoint> equity = new ArrayDeque<>();
    final AtomicBoolean sampling = new AtomicBoolean();
    private volatile TradingBot bot;
    private volatile BotStatus status = BotStatus.IDLE;
    private volatile String error = "";
    private volatile Instant startedAt;
    private volatile BigDecimal initialEquity;
    private volatile BotSummary summary;

    ManagedBot(BotSpec spec) {
        this.spec = spec;
        this.summary = emptySummary();
    }

    public BotSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public String tenant() {
        return spec.tenant();
    }

    public Optional<TradingBot> bot() {
        return Optional.ofNullable(status == BotStatus.RUNNING ? bot : null);
    }

    TradingBot handle() {
        return bot;
    }

    public BotStatus status() {
        return status;
    }

    public BotSummary summary() {
        return summary;
    }

    public FleetEntry entry() {
        return new FleetEntry(spec.id(), spec.tenant(), spec.venue(), spec.mode(), status,
                error.isEmpty() ? Optional.empty() : Optional.of(error), Optional.ofNullable(startedAt));
    }

    /** The equity points sampled since the bot started, oldest first. */
    public List<EquityPoint> equityCurve() {
        synchronized (equity) {
            return List.copyOf(equity);
        }
    }

    void starting() {
        status = BotStatus.STARTING;
        error = "";
        synchronized (equity) {
            equity.clear();
        }
        summary = emptySummary();
    }

    void running(TradingBot started, BigDecimal equityAtStart) {
        bot = started;
        initialEquity = equityAtStart;
        startedAt = Instant.now();
        status = BotStatus.RUNNING;
    }

    void failed(String why) {
        bot = null;
        error = why;
        status = BotStatus.FAILED;
        summary = emptySummary();
    }

    void stopping() {
        status = BotStatus.STOPPING;
        summary = withStatus(summary);
    }

    void stopped() {
        bot = null;
        status = BotStatus.STOPPED;
        summary = withStatus(summary);
    }

    EquityPoint sampled(BotState state, BigDecimal equityNow, BigDecimal cash, Position position, int openOrders, SafetyReport safety) {
        Instant now = Instant.now();
        EquityPoint point = new EquityPoint(now, equityNow);
        synchronized (equity) {
            if (equity.size() == MAX_POINTS) equity.removeFirst();
            equity.addLast(point);
        }
        BigDecimal base = initialEquity == null ? equityNow : initialEquity;
        summary = new BotSummary(spec.id(), spec.tenant(), spec.venue(), spec.mode(), status, error, state, position.symbol(),
                equityNow, cash, equityNow.subtract(base), position, openOrders, safety.level().name(), safety.activeBreakers().size(), now);
        return point;
    }

    /** Keeps the last sample's figures but the state a bot event just told. */
    void stateChanged(BotEvent.StateChanged change) {
        BotSummary s = summary;
        summary = new BotSummary(s.id(), s.tenant(), s.venue(), s.mode(), status, error, change.to(), s.symbol(), s.equity(), s.cash(),
                s.pnl(), s.position(), s.openOrders(), s.riskLevel(), s.activeBreakers(), s.sampledAt());
    }

    private BotSummary withStatus(BotSummary s) {
        return new BotSummary(s.id(), s.tenant(), s.venue(), s.mode(), status, error, s.state(), s.symbol(), s.equity(), s.cash(),
                s.pnl(), s.position(), s.openOrders(), s.riskLevel(), s.activeBreakers(), s.sampledAt());
    }

    private BotSummary emptySummary() {
        return new BotSummary(spec.id(), spec.tenant(), spec.venue(), spec.mode(), status, error, null, null, null, null, null, null,
                0, null, 0, null);
    }
}
