package io.tradekit.core.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The budgets shared by every bot in this JVM that trades with the same API key on the same venue: two
 * bots on one key draw from one weight budget, as the venue counts them. Keys are held only as a
 * SHA-256 fingerprint, so neither this registry nor anything it prints reveals an API key.
 *
 * <pre>{@code RequestBudget weight = RequestBudgets.shared().budget("binance", apiKey, "weight-1m",
 *         () -> RequestBudget.of("binance", "weight-1m", 6000, Duration.ofMinutes(1), Duration.ofSeconds(10)));}</pre>
 */
public final class RequestBudgets {

    private static final RequestBudgets SHARED = new RequestBudgets();

    private final ConcurrentMap<Key, RequestBudget> budgets = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, CallRateCounter> counters = new ConcurrentHashMap<>();

    /** An empty registry: each budget and counter is made on first use, keyed by venue, API key and name. */
    public RequestBudgets() {
    }

    /**
     * The JVM-wide registry.
     *
     * @return the one registry of this JVM
     */
    public static RequestBudgets shared() {
        return SHARED;
    }

    /**
     * The budget {@code name} of {@code venue} for {@code apiKey} (an empty key means the public,
     * unauthenticated budget), made with {@code factory} the first time it is asked for.
     * Thread-safe; the factory runs at most once per venue, key and name.
     *
     * @param venue the venue's name; never null
     * @param apiKey the API key, or null or empty for the public budget; only its fingerprint is kept
     * @param name the budget's name (e.g. {@code weight-1m}); never null
     * @param factory makes the budget the first time
     * @return the budget shared by every caller with the same venue, key and name
     */
    public RequestBudget budget(String venue, String apiKey, String name, Supplier<RequestBudget> factory) {
        Key key = new Key(Objects.requireNonNull(venue, "venue"), fingerprint(apiKey == null ? "" : apiKey),
                Objects.requireNonNull(name, "name"));
        return budgets.computeIfAbsent(key, k -> factory.get());
    }

    /**
     * Like {@link #budget}, for a venue that counts calls as a draining counter (Kraken).
     *
     * @param venue the venue's name; never null
     * @param apiKey the API key, or null or empty for the public counter; only its fingerprint is kept
     * @param name the counter's name (e.g. {@code rest}); never null
     * @param factory makes the counter the first time
     * @return the counter shared by every caller with the same venue, key and name
     */
    public CallRateCounter counter(String venue, String apiKey, String name, Supplier<CallRateCounter> factory) {
        Key key = new Key(Objects.requireNonNull(venue, "venue"), fingerprint(apiKey == null ? "" : apiKey),
                Objects.requireNonNull(name, "name"));
        return counters.computeIfAbsent(key, k -> factory.get());
    }

    /**
     * The first 16 hex digits of the key's SHA-256: enough to tell keys apart, useless to an attacker.
     *
     * @param apiKey the API key; never null
     * @return 16 lowercase hex digits, or {@code public} for an empty key
     */
    public static String fingerprint(String apiKey) {
        if (apiKey.isEmpty()) {
            return "public";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Which budget: never the key itself. */
    record Key(String venue, String keyFingerprint, String name) {
    }
}
