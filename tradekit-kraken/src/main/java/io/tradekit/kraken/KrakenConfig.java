package io.tradekit.kraken;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and how the adapter talks to Kraken spot. Built from {@link ExchangeSettings} parameters:
 *
 * <table>
 *   <caption>parameters</caption>
 *   <tr><td>{@code restUrl}</td><td>REST base, default {@value #PRODUCTION_REST}</td></tr>
 *   <tr><td>{@code wsUrl}</td><td>public WebSocket v2, default {@value #PRODUCTION_WS}</td></tr>
 *   <tr><td>{@code wsAuthUrl}</td><td>authenticated WebSocket v2, default {@value #PRODUCTION_WS_AUTH}</td></tr>
 *   <tr><td>{@code nonceFile}</td><td>the file holding the API key's highest nonce, shared (under a file lock) by every
 *       process on the key; default {@code ~/.tradekit/kraken-nonce-<key fingerprint>}</td></tr>
 *   <tr><td>{@code tier}</td><td>{@code starter}, {@code intermediate} (default) or {@code pro}: the REST call counter's
 *       maximum and decay (15 at 0.33/s, 20 at 0.5/s, 20 at 1/s), and the trading counter's (60 at 1/s, 125 at 2.34/s,
 *       180 at 3.75/s; every order and cancel counts 1, a simplification of Kraken's per-pair model)</td></tr>
 *   <tr><td>{@code cancelAfterSeconds}</td><td>dead man's switch: open orders are cancelled by Kraken this long after the
 *       adapter stops re-arming it; 0 turns it off; default 60 (Kraken accepts up to 86400)</td></tr>
 *   <tr><td>{@code requestTimeoutMs}, {@code connectTimeoutMs}</td><td>default 10000 and 5000</td></tr>
 *   <tr><td>{@code maxRateLimitWaitMs}</td><td>longest a call waits for the counter before failing with RATE_LIMIT, default 10000</td></tr>
 *   <tr><td>{@code reconnectInitialMs}, {@code reconnectMaxMs}</td><td>WebSocket reconnect backoff, default 250 and 30000</td></tr>
 *   <tr><td>{@code silenceTimeoutMs}</td><td>a stream with no frame (Kraken sends a heartbeat every second) for this long is
 *       reported and reconnected, default 10000</td></tr>
 *   <tr><td>{@code pingIntervalMs}</td><td>how often {@code {"method":"ping"}} is sent, default 5000</td></tr>
 *   <tr><td>{@code downAfterAttempts}</td><td>failed reconnects in a row after which a stream is reported down (its data stale),
 *       default 5</td></tr>
 *   <tr><td>{@code maxMessageBytes}</td><td>the largest WebSocket message read; a larger one is an error event and the
 *       connection is replaced, default 1048576</td></tr>
 * </table>
 *
 * <p>The compact constructor checks every value and throws {@link InvalidInputException} naming the parameter
 * and the range it expects; {@link #toString()} never shows the credentials.
 *
 * @param restUrl REST base URL ({@code http} or {@code https}), without a trailing slash
 * @param wsUrl public WebSocket v2 URL ({@code ws} or {@code wss})
 * @param wsAuthUrl authenticated WebSocket v2 URL ({@code ws} or {@code wss}), for executions
 * @param credentials API key and secret; empty for market data only (private calls then fail)
 * @param nonceFile the file holding the API key's highest nonce; empty for the default under {@code ~/.tradekit}
 * @param tier the account's verification tier, which sets the call counters' limits
 * @param cancelAfter the dead man's switch timeout, 0..86400 seconds; zero turns it off
 * @param requestTimeout deadline over one whole REST exchange, positive
 * @param connectTimeout deadline for opening a connection (REST and WebSocket), positive
 * @param maxRateLimitWait longest a call waits for the call counter before it fails with {@code RATE_LIMIT}
 * @param reconnectInitial first WebSocket reconnect delay, positive; the backoff doubles from here, with jitter
 * @param reconnectMax cap of the reconnect delay, not below {@code reconnectInitial}
 * @param silenceTimeout how long a stream may stay without any frame before it is reported and reconnected, positive
 * @param pingInterval how often {@code {"method":"ping"}} is sent on each stream, positive
 * @param downAfterAttempts failed reconnects in a row after which a stream is reported down, positive
 * @param maxMessageBytes the largest WebSocket message read, in bytes, at least 1024
 */
public record KrakenConfig(URI restUrl, URI wsUrl, URI wsAuthUrl, Optional<Credentials> credentials, Optional<Path> nonceFile,
                           Tier tier, Duration cancelAfter, Duration requestTimeout, Duration connectTimeout,
                           Duration maxRateLimitWait, Duration reconnectInitial, Duration reconnectMax,
                           Duration silenceTimeout, Duration pingInterval, int downAfterAttempts, int maxMessageBytes) {

    /** Kraken's REST base URL. */
    public static final String PRODUCTION_REST = "https://api.kraken.com";
    /** Kraken's public WebSocket v2 URL. */
    public static final String PRODUCTION_WS = "wss://ws.kraken.com/v2";
    /** Kraken's authenticated WebSocket v2 URL. */
    public static final String PRODUCTION_WS_AUTH = "wss://ws-auth.kraken.com/v2";

    private static final Set<String> PARAMETERS = Set.of("restUrl", "wsUrl", "wsAuthUrl", "nonceFile", "tier", "cancelAfterSeconds",
            "requestTimeoutMs", "connectTimeoutMs", "maxRateLimitWaitMs", "reconnectInitialMs", "reconnectMaxMs", "silenceTimeoutMs",
            "pingIntervalMs", "downAfterAttempts", "maxMessageBytes");

    /** Kraken's verification tiers: they set how many REST calls the counter holds and how fast it drains. */
    public enum Tier {
        /** Starter: REST counter 15 at 0.33 a second, trading counter 60 at 1 a second. */
        STARTER(15, 0.33, 60, 1.0),
        /** Intermediate: REST counter 20 at 0.5 a second, trading counter 125 at 2.34 a second. */
        INTERMEDIATE(20, 0.5, 125, 2.34),
        /** Pro: REST counter 20 at 1 a second, trading counter 180 at 3.75 a second. */
        PRO(20, 1.0, 180, 3.75);

        private final int maximum;
        private final double decayPerSecond;
        private final int tradingMaximum;
        private final double tradingDecayPerSecond;

        Tier(int maximum, double decayPerSecond, int tradingMaximum, double tradingDecayPerSecond) {
            this.maximum = maximum;
            this.decayPerSecond = decayPerSecond;
            this.tradingMaximum = tradingMaximum;
            this.tradingDecayPerSecond = tradingDecayPerSecond;
        }

        /**
         * Kraken's threshold of the trading counter for this tier (orders and cancels count 1 each); the adapter
         * keeps one point below it.
         *
         * @return the threshold
         */
        public int tradingMaximum() {
            return tradingMaximum;
        }

        /**
         * How fast the trading counter drains.
         *
         * @return points per second
         */
        public double tradingDecayPerSecond() {
            return tradingDecayPerSecond;
        }

        /**
         * Kraken's maximum of the REST call counter for this tier; the adapter keeps one point below it, because
         * Kraken drains the counter from when calls arrive, not from when they were sent.
         *
         * @return the maximum
         */
        public int maximum() {
            return maximum;
        }

        /**
         * How fast the REST call counter drains.
         *
         * @return points per second
         */
        public double decayPerSecond() {
            return decayPerSecond;
        }
    }

    /**
     * Checks every value.
     *
     * @throws InvalidInputException when a value is outside its range, naming the parameter and what it expects
     * @throws NullPointerException when a URL, an {@code Optional} or the tier is null
     */
    public KrakenConfig {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(wsAuthUrl, "wsAuthUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(nonceFile, "nonceFile");
        Objects.requireNonNull(tier, "tier");
        if (cancelAfter.isNegative() || cancelAfter.toSeconds() > 86_400) {
            throw new InvalidInputException("kraken: parameter 'cancelAfterSeconds' is " + cancelAfter.toSeconds() + ", expected 0..86400");
        }
        requirePositive(requestTimeout.toMillis(), "requestTimeoutMs");
        requirePositive(connectTimeout.toMillis(), "connectTimeoutMs");
        requirePositive(reconnectInitial.toMillis(), "reconnectInitialMs");
        requirePositive(silenceTimeout.toMillis(), "silenceTimeoutMs");
        requirePositive(pingInterval.toMillis(), "pingIntervalMs");
        requirePositive(downAfterAttempts, "downAfterAttempts");
        if (maxMessageBytes < 1024) {
            throw new InvalidInputException("kraken: parameter 'maxMessageBytes' is " + maxMessageBytes + ", expected 1024 or more");
        }
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new InvalidInputException("kraken: parameter 'reconnectMaxMs' (" + reconnectMax.toMillis()
                    + ") is below 'reconnectInitialMs' (" + reconnectInitial.toMillis() + ")");
        }
    }

    /**
     * Production URLs and defaults, with or without credentials.
     *
     * @param credentials API key and secret, or empty for market data only
     * @return the configuration
     */
    public static KrakenConfig production(Optional<Credentials> credentials) {
        return from(new ExchangeSettings(Params.empty("kraken"), credentials));
    }

    /**
     * Reads and checks the parameters listed above; every error names the parameter and what it expects.
     *
     * @param settings the venue's parameters and credentials
     * @return the configuration, with defaults for every parameter not given
     * @throws InvalidInputException on an unknown parameter or a value that is malformed or out of range
     */
    public static KrakenConfig from(ExchangeSettings settings) {
        Params p = settings.params().requireOnly(PARAMETERS);
        return new KrakenConfig(
                url(p, "restUrl", PRODUCTION_REST, Set.of("http", "https")),
                url(p, "wsUrl", PRODUCTION_WS, Set.of("ws", "wss")),
                url(p, "wsAuthUrl", PRODUCTION_WS_AUTH, Set.of("ws", "wss")),
                settings.credentials(),
                p.text("nonceFile").filter(s -> !s.isBlank()).map(Path::of),
                p.choice("tier", Tier.class, Tier.INTERMEDIATE),
                Duration.ofSeconds(p.longValue("cancelAfterSeconds", 60)),
                Duration.ofMillis(p.longValue("requestTimeoutMs", 10_000)),
                Duration.ofMillis(p.longValue("connectTimeoutMs", 5_000)),
                Duration.ofMillis(p.longValue("maxRateLimitWaitMs", 10_000)),
                Duration.ofMillis(p.longValue("reconnectInitialMs", 250)),
                Duration.ofMillis(p.longValue("reconnectMaxMs", 30_000)),
                Duration.ofMillis(p.longValue("silenceTimeoutMs", 10_000)),
                Duration.ofMillis(p.longValue("pingIntervalMs", 5_000)),
                intValue(p, "downAfterAttempts", 5),
                intValue(p, "maxMessageBytes", 1 << 20));
    }

    /**
     * Every URL pointing at a local server (e.g. the simulator), with the other parameters given.
     *
     * @param params the parameters by name, at least {@code restUrl}, {@code wsUrl} and {@code wsAuthUrl} for a local server
     * @param credentials API key and secret the server accepts
     * @return the configuration
     * @throws InvalidInputException on an unknown parameter or a value that is malformed or out of range
     */
    public static KrakenConfig local(Map<String, String> params, Credentials credentials) {
        return from(new ExchangeSettings(Params.of("kraken", params), Optional.of(credentials)));
    }

    private static URI url(Params p, String name, String fallback, Set<String> schemes) {
        String text = p.text(name, fallback);
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("kraken: parameter '" + name + "' is '" + text + "', expected a URL", e);
        }
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("kraken: parameter '" + name + "' is '" + text + "', expected a URL with scheme "
                    + String.join(" or ", new TreeSet<>(schemes)) + " and a host");
        }
        return uri;
    }

    private static int intValue(Params p, String name, int fallback) {
        long value = p.longValue(name, fallback);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new InvalidInputException("kraken: parameter '" + name + "' is " + value + ", too large");
        }
        return (int) value;
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new InvalidInputException("kraken: parameter '" + name + "' is " + value + ", expected a positive number");
        }
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "KrakenConfig[rest=" + restUrl + ", ws=" + wsUrl + ", wsAuth=" + wsAuthUrl
                + ", credentials=" + (credentials.isPresent() ? "***" : "none") + ", tier=" + tier + "]";
    }
}
