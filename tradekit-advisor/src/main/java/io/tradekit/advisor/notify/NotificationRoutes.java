package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationKind;
import io.tradekit.advisor.Severity;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which notifications are sent: for each kind, the least severity sent; a kind not listed is not sent.
 *
 * <pre>{@code NotificationRoutes routes = NotificationRoutes.parse("state_change, breaker_trip:warning, fill, error:critical");}</pre> *
 * @param minimumByKind the least severity sent for each kind; copied, unmodifiable
 */
public record NotificationRoutes(Map<NotificationKind, Severity> minimumByKind) {

    /**
     * Copies the map.
     *
     * @throws NullPointerException if the map is null or holds a null key
     */
    public NotificationRoutes {
        EnumMap<NotificationKind, Severity> copy = new EnumMap<>(NotificationKind.class);
        copy.putAll(minimumByKind);
        minimumByKind = Collections.unmodifiableMap(copy);
    }

    /**
     * Every kind at {@code minimum} or above.
     *
     * @param minimum the least severity sent, for every kind
     * @return the routes
     */
    public static NotificationRoutes all(Severity minimum) {
        Map<NotificationKind, Severity> m = new EnumMap<>(NotificationKind.class);
        for (NotificationKind k : NotificationKind.values()) m.put(k, minimum);
        return new NotificationRoutes(m);
    }

    /**
     * Routes from a comma-separated list of {@code kind} or {@code kind:severity} (kind and severity named as in
     * {@link NotificationKind} and {@link Severity}, any case, {@code -} for {@code _}; a kind alone is sent at every
     * severity). Empty entries are skipped; a kind listed twice keeps its last severity.
     *
     * @param spec the list, e.g. {@code "state_change, breaker_trip:warning, error:critical"}
     * @return the routes
     * @throws InvalidInputException naming the entry that is not a kind or severity
     */
    public static NotificationRoutes parse(String spec) {
        Map<NotificationKind, Severity> m = new EnumMap<>(NotificationKind.class);
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            String[] parts = e.split(":", 2);
            m.put(named(NotificationKind.class, parts[0], e), parts.length == 2 ? named(Severity.class, parts[1], e) : Severity.INFO);
        }
        return new NotificationRoutes(m);
    }

    /**
     * Whether {@code n} is sent.
     *
     * @param n a notification
     * @return true if its kind is routed and its severity is at least that kind's minimum
     */
    public boolean accepts(Notification n) {
        Severity minimum = minimumByKind.get(n.kind());
        return minimum != null && n.severity().atLeast(minimum);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String entry) {
        String wanted = name.trim().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) return e;
        }
        throw new InvalidInputException("notification routes: entry " + UntrustedText.quote(entry) + " names "
                + UntrustedText.quote(name.trim()) + ", not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
    }
}
