package io.tradekit.advisor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message about a bot for its operators: what happened ({@code kind}), how urgent it is, which bot, when
 * (wall time), a line of text for a person, and the figures behind it by name (never a secret).
 *
 * <pre>{@code new Notification(NotificationKind.BREAKER_TRIP, Severity.CRITICAL, "btc-grid", now,
 *         "max-drawdown asks to PAUSE: drawdown 12 % of 10 %", Map.of("drawdownPct", "12"));}</pre>
 *
 * @param kind     what happened
 * @param severity how urgent it is
 * @param botId    the bot it is about
 * @param time     when it happened (wall time)
 * @param text     one line for a person to read
 * @param figures  the figures behind it by name, as text; copied, unmodifiable, in the given order
 */
public record Notification(NotificationKind kind, Severity severity, String botId, Instant time, String text, Map<String, String> figures) {
    /**
     * Checks the components and copies {@code figures}, keeping their order.
     *
     * @throws NullPointerException if a component is null
     */
    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
