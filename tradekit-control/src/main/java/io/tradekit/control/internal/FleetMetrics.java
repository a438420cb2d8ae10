package io.tradekit.control.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradekit.api.BotState;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.event.BotEvent;
import io.tradekit.control.BotStatus;
import io.tradekit.core.EquityPoint;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fleet's Prometheus metrics, every meter tagged with bot, tenant, venue and mode: equity, PnL and cash,
 * whether the bot runs and trades, emergency stop, active breakers, risk level and open orders as gauges;
 * orders sent, denied and rejected, fills, errors by category, risk alerts by level and state changes as
 * counters; and how long the bot's loop takes to answer the supervisor as a timer. What a bot's public
 * events do not carry (the latency of each venue call) is not measured here.
 */
public final class FleetMetrics implements FleetListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> loopTimers = new ConcurrentHashMap<>();

    public FleetMetrics(Supervisor supervisor) {
        for (ManagedBot m : supervisor.managed()) registerGauges(m);
    }

    private static Tags tags(ManagedBot m) {
        return Tags.of("bot", m.id(), "tenant", m.tenant(), "venue", m.spec().venue(), "mode", m.spec().mode());
    }

    private void registerGauges(ManagedBot m) {
        gauge("tradekit.bot.equity", "the bot's equity in its quote asset", m, b -> number(b.summary().equity()));
        gauge("tradekit.bot.pnl", "equity now less equity when the supervisor started the bot", m, b -> number(b.summary().pnl()));
        gauge("tradekit.bot.cash", "the bot's free cash", m, b -> number(b.summary().cash()));
        gauge("tradekit.bot.running", "1 while the supervisor runs the bot", m, b -> b.status() == BotStatus.RUNNING ? 1 : 0);
        gauge("tradekit.bot.trading", "1 while the bot's state is RUNNING", m, b -> b.status() == BotStatus.RUNNING
                && b.summary().state() == BotState.RUNNING ? 1 : 0);
        gauge("tradekit.bot.emergency.stop", "1 while the bot is in EMERGENCY_STOP", m, b -> b.summary().state() == BotState.EMERGENCY_STOP ? 1 : 0);
        gauge("tradekit.bot.breakers.active", "checks whose last verdict asked for more than CONTINUE", m, b -> b.summary().activeBreakers());
        gauge("tradekit.bot.risk.level", "the safety report's level: 0 LOW, 1 MEDIUM, 2 HIGH, 3 CRITICAL", m, b -> riskLevel(b.summary().riskLevel()));
        gauge("tradekit.bot.open.orders", "orders working at the venue", m, b -> b.summary().openOrders());
    }

    private void gauge(String name, String help, ManagedBot m, ToDoubleFunction<ManagedBot> value) {
        Gauge.builder(name, m, value).description(help).tags(tags(m)).strongReference(true).register(registry);
    }

    private static double number(BigDecimal value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    private static double riskLevel(String level) {
        if (level == null) return Double.NaN;
        return switch (level) {
            case "LOW" -> 0;
            case "MEDIUM" -> 1;
            case "HIGH" -> 2;
            default -> 3;
        };
    }

    private void count(String name, String help, ManagedBot m, String... extraTags) {
        Counter.builder(name).description(help).tags(tags(m).and(extraTags)).register(registry).increment();
    }

    @Override
    public void onStatus(ManagedBot bot) {
        // the gauges read the status themselves
    }

    @Override
    public void onEvent(ManagedBot m, BotEvent event) {
        switch (event) {
            case BotEvent.OrderSubmitted e -> count("tradekit.orders.submitted", "orders sent to the venue", m);
            case BotEvent.OrderDenied e -> count("tradekit.orders.denied", "orders refused before the venue", m, "denied_by", e.deniedBy());
            case BotEvent.OrderChanged e -> {
                if (e.order().status() == OrderStatus.REJECTED) count("tradekit.orders.rejected", "orders the venue rejected", m);
            }
            case BotEvent.FillApplied e -> count("tradekit.fills", "fills applied to the portfolio", m);
            case BotEvent.ErrorOccurred e -> count("tradekit.errors", "errors by category", m, "category", e.category().name());
            case BotEvent.RiskAlert e -> count("tradekit.risk.alerts", "risk alerts by level", m, "level", e.level().name());
            case BotEvent.StateChanged e -> count("tradekit.state.changes", "moves between bot states", m, "to", e.to().name());
            case BotEvent.BarProcessed e -> count("tradekit.bars", "bars the strategy acted on", m);
        }
    }

    @Override
    public void onEquity(ManagedBot bot, EquityPoint point) {
        // the equity gauge reads the sample itself
    }

    @Override
    public void onSample(ManagedBot m, long loopNanos) {
        loopTimers.computeIfAbsent(m.id(), id -> Timer.builder("tradekit.loop.response")
                .description("how long the bot's loop takes to answer the supervisor").tags(tags(m)).register(registry))
                .record(loopNanos, TimeUnit.NANOSECONDS);
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Only the samples of one tenant's bots (help and type lines stay); tenant names cannot hold a quote. */
    public String scrape(String tenant) {
        Pattern mine = Pattern.compile("[{,]tenant=\"" + Pattern.quote(tenant) + "\"");
        return registry.scrape().lines().filter(l -> l.startsWith("#") || mine.matcher(l).find())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
