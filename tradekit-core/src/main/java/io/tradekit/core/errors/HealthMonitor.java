package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.SafetyVerdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches a bot's plumbing rather than its account: venue streams that are down, the rate of errors,
 * errors that ask for a pause or a halt, and market data that stopped arriving. Its {@link #verdict}
 * joins the risk policies' in the safety manager, as policy {@value #POLICY}: PAUSE while something is
 * wrong, CONTINUE once it is healthy again (the safety manager then lifts a pause it imposed). An
 * error whose recovery is HALT (an AUTH failure: a revoked key) keeps the verdict at PAUSE until an
 * operator resumes the bot ({@link #acknowledge}). Fed on the bot's loop; not thread-safe.
 */
public final class HealthMonitor {

    /** The policy name of this monitor's verdicts and alerts. */
    public static final String POLICY = "health";

    private static final Set<ErrorCategory> ORDER_REFUSALS =
            EnumSet.of(ErrorCategory.INSUFFICIENT_FUNDS, ErrorCategory.INVALID_ORDER, ErrorCategory.ORDER_NOT_FOUND);

    private record Down(ConnectionState state, Instant since, String detail) {
    }

    private final HealthSettings settings;
    private final Duration maxDataAge;
    private final ErrorSummary errors;
    private final Map<String, Down> down = new LinkedHashMap<>();
    private Instant lastData;
    private String haltReason;
    private Instant pauseUntil;
    private String pauseReason;

    /**
     * A monitor that has seen no error, no stream and no data yet.
     *
     * @param settings when to ask for a pause; never null
     * @param defaultMaxDataAge the data age that counts as stale when the settings name none (the bot's own)
     * @throws NullPointerException if {@code settings} is null, or {@code defaultMaxDataAge} is null
     */
    public HealthMonitor(HealthSettings settings, Duration defaultMaxDataAge) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxDataAge = settings.maxDataAge().orElse(Objects.requireNonNull(defaultMaxDataAge, "defaultMaxDataAge"));
        this.errors = new ErrorSummary(settings.errorWindow());
    }

    private static final SafetyVerdict HEALTHY = SafetyVerdict.ok(POLICY);

    /**
     * The settings this monitor was built with.
     *
     * @return the settings
     */
    public HealthSettings settings() {
        return settings;
    }

    /**
     * The error counter this monitor feeds; shares its state with the monitor (fed on the bot's loop only).
     *
     * @return the live error summary
     */
    public ErrorSummary errors() {
        return errors;
    }

    /**
     * Counts an error and remembers one that asks for a pause (until {@code pauseAfterError} has passed)
     * or a halt (until an operator resumes).
     *
     * @param time when the error happened, on the bot's clock
     * @param source where it came from (an adapter call, a stream), for the reason text
     * @param category its category; order refusals and cancels of orders already gone are counted but do not make up the error rate
     * @param action its recovery action: PAUSE and HALT are remembered as described
     * @param message what went wrong, for the reason text
     */
    public void onError(Instant time, String source, ErrorCategory category, RecoveryAction action, String message) {
        errors.record(time, category);
        String what = source + ": " + category + " " + message;
        if (action == RecoveryAction.HALT && haltReason == null) {
            haltReason = what + "; halted until an operator resumes the bot";
        } else if (action == RecoveryAction.PAUSE) {
            pauseUntil = time.plus(settings.pauseAfterError());
            pauseReason = what + "; paused until " + pauseUntil;
        }
    }

    /**
     * A stream went down or came back; the time it went down is kept until it is CONNECTED again.
     *
     * @param change the stream's new state; the stream is keyed by venue and stream name
     */
    public void onConnection(Event.ConnectionChanged change) {
        String key = change.venue() + " " + change.stream();
        if (change.state() == ConnectionState.CONNECTED) {
            down.remove(key);
        } else {
            Down before = down.get(key);
            down.put(key, new Down(change.state(), before == null ? change.time() : before.since(), change.detail()));
        }
    }

    /**
     * Market data arrived with this time (a bar's close, a ticker's time).
     *
     * @param time the data's time on the bot's clock; an older time than one seen before is ignored
     */
    public void onData(Instant time) {
        if (lastData == null || time.isAfter(lastData)) lastData = time;
    }

    /** An operator resumed the bot: a halt or a pause that an error caused is lifted. */
    public void acknowledge() {
        haltReason = null;
        pauseUntil = null;
        pauseReason = null;
    }

    /**
     * True while market data is older than the stale age; false before any arrived (a feed still connecting is not stale).
     *
     * @param now the time to measure against (bot's clock)
     * @return true if the newest data is older than the stale age at {@code now}
     */
    public boolean isDataStale(Instant now) {
        if (lastData == null) return false;
        // Asked on every bar, so no Duration is built: age - max = seconds part + nanos part, where the nanos
        // part is under two seconds either way, so seconds that differ by more than two decide alone.
        long seconds = now.getEpochSecond() - lastData.getEpochSecond() - maxDataAge.getSeconds();
        long nanos = (long) now.getNano() - lastData.getNano() - maxDataAge.getNano();
        if (seconds > 2) return true;
        if (seconds < -2) return false;
        return seconds * 1_000_000_000L + nanos > 0;
    }

    /**
     * PAUSE with the first reason that applies, most lasting first; CONTINUE when healthy.
     *
     * @param now the time to judge at (bot's clock); it also moves the error window
     * @return a PAUSE verdict under policy {@value #POLICY} with its reason, or CONTINUE
     */
    public SafetyVerdict verdict(Instant now) {
        // The healthy case, asked on every bar of a backtest, allocates nothing.
        if (haltReason == null && down.isEmpty() && errors.isEmpty() && pauseUntil == null && !isDataStale(now)) return HEALTHY;
        if (haltReason != null) return pause(haltReason);
        Optional<Instant> since = downSince();
        if (since.isPresent() && Duration.between(since.get(), now).compareTo(settings.maxDisconnected()) > 0) {
            return pause(describeDown() + ": down since " + since.get() + ", longer than health max-disconnected " + settings.maxDisconnected());
        }
        Map<ErrorCategory, Integer> faults = faults(errors.counts(now));
        int recent = faults.values().stream().mapToInt(Integer::intValue).sum();
        if (recent >= settings.maxErrors()) {
            return pause(recent + " errors within " + settings.errorWindow() + " reached health max-errors " + settings.maxErrors()
                    + " (" + describe(faults) + ")");
        }
        if (pauseUntil != null && now.isBefore(pauseUntil)) return pause(pauseReason);
        if (isDataStale(now)) {
            return pause("no market data since " + lastData + ", older than health max-data-age " + maxDataAge);
        }
        return SafetyVerdict.ok(POLICY);
    }

    /**
     * The monitor's view at {@code now}, for a host's health endpoint or the report.
     *
     * @param now the time to judge at (bot's clock)
     * @return the verdict, streams down, errors in the window and data age at {@code now}
     */
    public HealthReport report(Instant now) {
        Optional<Duration> age = lastData == null ? Optional.empty() : Optional.of(Duration.between(lastData, now));
        return new HealthReport(now, verdict(now), new ArrayList<>(down.keySet()), downSince(), errors.counts(now), age);
    }

    private Optional<Instant> downSince() {
        return down.values().stream().map(Down::since).min(Instant::compareTo);
    }

    private String describeDown() {
        List<String> parts = new ArrayList<>();
        down.forEach((stream, d) -> parts.add(stream + " " + d.state() + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")")));
        return String.join(", ", parts);
    }

    /**
     * The errors that say something is wrong with the plumbing. An order the venue refused (funds, filters)
     * or a cancel that raced a fill is the venue working as it should, so those do not count towards the rate.
     */
    private static Map<ErrorCategory, Integer> faults(Map<ErrorCategory, Integer> counts) {
        Map<ErrorCategory, Integer> out = new EnumMap<>(ErrorCategory.class);
        counts.forEach((c, n) -> {
            if (!ORDER_REFUSALS.contains(c)) out.put(c, n);
        });
        return out;
    }

    private static String describe(Map<ErrorCategory, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static SafetyVerdict pause(String reason) {
        return new SafetyVerdict(SafetyAction.PAUSE, POLICY, reason);
    }
}
