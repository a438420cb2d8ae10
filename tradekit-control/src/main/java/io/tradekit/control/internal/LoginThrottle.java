package io.tradekit.control.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins within {@code window} from one address,
 * or for one user name, further logins from it or for it are refused until the oldest failure leaves the
 * window, whether the password is right or not.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if it must. */
    public Optional<Duration> blocked(String address, String user) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[]{"ip:" + address, "user:" + user}) {
            ArrayDeque<Instant> times = failures.get(key);
            if (times == null) continue;
            synchronized (times) {
                while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) times.pollFirst();
                if (times.size() >= maxFailures) {
                    Duration left = Duration.between(now, times.peekFirst().plus(window));
                    if (left.compareTo(wait) > 0) wait = left;
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String address, String user) {
        Instant now = clock.instant();
        // Guesses at many names must not grow the map without bound: drop the keys whose failures have all expired.
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || !e.getValue().peekLast().plus(window).isAfter(now);
                }
            });
        }
        for (String key : new String[]{"ip:" + address, "user:" + user}) {
            ArrayDeque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > maxFailures) times.pollFirst();
            }
        }
    }

    public void succeeded(String user) {
        failures.remove("user:" + user);
    }
}
