package io.tradekit.risk;

import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.RiskContext;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Re-assesses risk when asked and tells listeners when the level changes: INFO for LOW and MEDIUM,
 * WARNING for HIGH, CRITICAL for CRITICAL (see {@link RiskLevel#alertLevel()}). The alert is a
 * {@link BotEvent.RiskAlert} from policy {@value #SOURCE}; it asks for no action (the policies do that).
 *
 * <pre>{@code RiskMonitor monitor = new RiskMonitor(new RiskAssessor(limits));
 * monitor.addListener(alert -> log.warn("{}", alert));
 * monitor.evaluate(ctx, List.of("BTCUSDT"));}</pre>
 */
public final class RiskMonitor {

    /** The policy name the monitor's alerts carry. */
    public static final String SOURCE = "risk-monitor";

    private final RiskAssessor assessor;
    private final List<RiskAlertListener> listeners = new CopyOnWriteArrayList<>();
    private RiskLevel level = RiskLevel.LOW;

    /**
     * A monitor at level LOW, with no listeners.
     *
     * @param assessor builds the report on each {@link #evaluate}
     */
    public RiskMonitor(RiskAssessor assessor) {
        this.assessor = assessor;
    }

    /**
     * Adds a listener for level changes. Listeners may be added and removed from any thread.
     *
     * @param listener called with each alert, in the order listeners were added
     */
    public void addListener(RiskAlertListener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a listener; nothing happens if it was not added.
     *
     * @param listener the listener to remove
     */
    public void removeListener(RiskAlertListener listener) {
        listeners.remove(listener);
    }

    /**
     * The level of the last evaluation; LOW before the first.
     *
     * @return the current level
     */
    public RiskLevel level() {
        return level;
    }

    /**
     * Assesses the account and alerts on a change of level. Every listener is called even if one
     * throws; the first exception is rethrown afterwards (the others are suppressed in it). The level
     * itself is not guarded: call this from one thread at a time, such as the bot's loop or one timer.
     *
     * @param ctx     the account as the engine sees it
     * @param symbols the symbols the bot trades (see {@link RiskAssessor#assess})
     * @return the report just taken
     * @throws RuntimeException the first exception a listener threw, after all listeners have been called
     */
    public RiskReport evaluate(RiskContext ctx, Collection<String> symbols) {
        RiskReport report = assessor.assess(ctx, symbols);
        RiskLevel previous = level;
        level = report.level();
        if (report.level() != previous) {
            String findings = report.findings().isEmpty() ? "no findings"
                    : report.findings().stream().sorted((a, b) -> b.level().compareTo(a.level()))
                    .map(f -> f.observation()).collect(Collectors.joining("; "));
            publish(new BotEvent.RiskAlert(ctx.now(), SOURCE, SafetyAction.CONTINUE, report.level().alertLevel(),
                    "risk level " + report.level() + " (was " + previous + "): " + findings));
        }
        return report;
    }

    private void publish(BotEvent.RiskAlert alert) {
        RuntimeException first = null;
        for (RiskAlertListener l : listeners) {
            try {
                l.onAlert(alert);
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
