package io.tradekit.bybit;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.bybit.internal.Heartbeat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and how the adapter talks to Bybit v5. Built from {@link ExchangeSettings} parameters:
 *
 * <table>
 *   <caption>parameters</caption>
 *   <tr><td>{@code category}</td><td>{@code spot} (default) or {@code linear} (USDT perpetuals, one-way position mode)</td></tr>
 *   <tr><td>{@code network}</td><td>{@code production} (default), {@code testnet} or {@code demo}: picks the three URLs below</td></tr>
 *   <tr><td>{@code restUrl}</td><td>REST base; production {@value #PRODUCTION_REST}, testnet {@value #TESTNET_REST}, demo {@value #DEMO_REST}</td></tr>
 *   <tr><td>{@code publicStreamUrl}</td><td>public WebSocket of the category; production {@value #PRODUCTION_PUBLIC_SPOT} or {@value #PRODUCTION_PUBLIC_LINEAR}</td></tr>
 *   <tr><td>{@code privateStreamUrl}</td><td>private WebSocket; production {@value #PRODUCTION_PRIVATE}</td></tr>
 *   <tr><td>{@code recvWindow}</td><td>milliseconds a signed request stays valid, 1..60000, default 5000</td></tr>
 *   <tr><td>{@code requestTimeoutMs}, {@code connectTimeoutMs}</td><td>default 10000 and 5000</td></tr>
 *   <tr><td>{@code requestLimit}</td><td>requests per second shared by all bots on the key, default 10</td></tr>
 *   <tr><td>{@code maxRateLimitWaitMs}</td><td>longest a call waits for budget before failing with RATE_LIMIT, default 10000</td></tr>
 *   <tr><td>{@code reconnectInitialMs}, {@code reconnectMaxMs}</td><td>WebSocket reconnect backoff, default 250 and 30000</td></tr>
 *   <tr><td>{@code pingIntervalMs}</td><td>how often {@code {"op":"ping"}} is sent, default 20000 (Bybit's advice)</td></tr>
 *   <tr><td>{@code silenceTimeoutMs}</td><td>a stream with no frame (not even a pong) for this long is reported and reconnected, default 60000</td></tr>
 *   <tr><td>{@code maxMessageBytes}</td><td>largest stream message accepted, 1024..1048576, default 1048576; a larger one is an error event and the connection is replaced</td></tr>
 *   <tr><td>{@code downAfterAttempts}</td><td>failed reconnects in a row after which a stream is reported down (its data stale), default 5</td></tr>
 *   <tr><td>{@code liquidationFeeRate}</td><td>linear only: the fee Bybit charges on the notional of a position it liquidates, a
 *       fraction, default 0.0006; Bybit's API does not publish it, so the margin rules carry this value</td></tr>
 * </table>
 *
 * Any local server that speaks the protocol (e.g. the {@code tradekit-bybit-simulator} module's
 * {@code BybitSimulator}) can be used by pointing the three URLs at it. Hedge mode (a long and a short
 * in one linear symbol) is not supported: the account must be in one-way mode.
 *
 * <p>The compact constructor checks every value and throws {@link InvalidInputException} naming the parameter
 * and the range it expects; {@link #toString()} never shows the credentials.
 *
 * @param category spot or linear perpetuals; picks the public stream and what the adapter trades
 * @param restUrl REST base URL ({@code http} or {@code https}), without a trailing slash
 * @param publicStreamUrl public WebSocket of the category ({@code ws} or {@code wss}): klines, tickers, order books
 * @param privateStreamUrl private WebSocket ({@code ws} or {@code wss}): orders, executions, positions, wallet
 * @param credentials API key and secret; empty for market data only (signed calls then fail)
 * @param recvWindowMillis milliseconds a signed request stays valid at Bybit, 1..60000
 * @param requestTimeout deadline over one whole REST exchange, positive
 * @param connectTimeout deadline for opening a connection (REST and WebSocket), positive
 * @param requestLimit REST requests per second, shared by every adapter on the same API key in this JVM
 * @param maxRateLimitWait longest a call waits for request budget before it fails with {@code RATE_LIMIT}
 * @param reconnectInitial first WebSocket reconnect delay, positive; the backoff doubles from here, with jitter
 * @param reconnectMax cap of the reconnect delay, not below {@code reconnectInitial}
 * @param pingInterval how often {@code {"op":"ping"}} is sent on each stream, positive
 * @param silenceTimeout how long a stream may stay without any frame before it is reported and reconnected;
 *        longer than {@code pingInterval}
 * @param maxMessageBytes largest stream message accepted, 1024..1048576
 * @param downAfterAttempts failed reconnects in a row after which a stream is reported down
 * @param liquidationFeeRate linear only: the fee on the notional of a liquidated position, a fraction in [0, 1)
 *        (0.0006 = 0.06%)
 */
public record BybitConfig(Category category, URI restUrl, URI publicStreamUrl, URI privateStreamUrl, Optional<Credentials> credentials,
                          long recvWindowMillis, Duration requestTimeout, Duration connectTimeout, long requestLimit,
                          Duration maxRateLimitWait, Duration reconnectInitial, Duration reconnectMax, Duration pingInterval,
                          Duration silenceTimeout, int maxMessageBytes, int downAfterAttempts, java.math.BigDecimal liquidationFeeRate) {

    /** Bybit's production REST base URL. */
    public static final String PRODUCTION_REST = "https://api.bybit.com";
    /** Bybit's production public WebSocket for spot. */
    public static final String PRODUCTION_PUBLIC_SPOT = "wss://stream.bybit.com/v5/public/spot";
    /** Bybit's production public WebSocket for USDT perpetuals. */
    public static final String PRODUCTION_PUBLIC_LINEAR = "wss://stream.bybit.com/v5/public/linear";
    /** Bybit's production private WebSocket. */
    public static final String PRODUCTION_PRIVATE = "wss://stream.bybit.com/v5/private";
    /** The testnet's REST base URL. */
    public static final String TESTNET_REST = "https://api-testnet.bybit.com";
    /** The testnet's public WebSocket for spot. */
    public static final String TESTNET_PUBLIC_SPOT = "wss://stream-testnet.bybit.com/v5/public/spot";
    /** The testnet's public WebSocket for USDT perpetuals. */
    public static final String TESTNET_PUBLIC_LINEAR = "wss://stream-testnet.bybit.com/v5/public/linear";
    /** The testnet's private WebSocket. */
    public static final String TESTNET_PRIVATE = "wss://stream-testnet.bybit.com/v5/private";
    /** Demo trading's REST base URL (production market data, demo account). */
    public static final String DEMO_REST = "https://api-demo.bybit.com";
    /** Demo trading reads market data from production and trades on its own private stream. */
    public static final String DEMO_PRIVATE = "wss://stream-demo.bybit.com/v5/private";

    private static final Set<String> PARAMETERS = Set.of("category", "network", "restUrl", "publicStreamUrl", "privateStreamUrl",
            "recvWindow", "requestTimeoutMs", "connectTimeoutMs", "requestLimit", "maxRateLimitWaitMs", "reconnectInitialMs",
            "reconnectMaxMs", "pingIntervalMs", "silenceTimeoutMs", "maxMessageBytes", "downAfterAttempts", "liquidationFeeRate");

    /** What Bybit's API does not publish: the liquidation fee rate assumed unless {@code liquidationFeeRate} says otherwise. */
    public static final java.math.BigDecimal DEFAULT_LIQUIDATION_FEE_RATE = new java.math.BigDecimal("0.0006");

    /** The Bybit product line orders go to: spot, or USDT-margined linear perpetuals. */
    public enum Category {
        /** Spot: buys and sells of the base asset against the quote asset, no positions. */
        SPOT,
        /** USDT-margined linear perpetuals in one-way position mode: positions, leverage, margin and funding. */
        LINEAR;

        /**
         * Whether this category trades margined contracts (it has positions, leverage and funding).
         *
         * @return true for {@link #LINEAR}
         */
        public boolean isDerivative() {
            return this == LINEAR;
        }

        /**
         * The name on the wire, Bybit's {@code category} parameter.
         *
         * @return the lower-case name, {@code spot} or {@code linear}
         */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which Bybit to talk to when no URL is given. */
    public enum Network {
        /** Bybit production. */
        PRODUCTION,
        /** Bybit's testnet: its own REST, public and private URLs. */
        TESTNET,
        /** Demo trading: the demo REST and private stream, production's public streams. */
        DEMO
    }

    /**
     * Checks every value.
     *
     * @throws InvalidInputException when a value is outside its range, naming the parameter and what it expects
     * @throws NullPointerException when the category, a URL, the credentials' {@code Optional} or the fee rate is null
     */
    public BybitConfig {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(publicStreamUrl, "publicStreamUrl");
        Objects.requireNonNull(privateStreamUrl, "privateStreamUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (recvWindowMillis < 1 || recvWindowMillis > 60_000) {
            throw new InvalidInputException("bybit: parameter 'recvWindow' is " + recvWindowMillis + ", expected 1..60000 milliseconds");
        }
        requirePositive(requestTimeout.toMillis(), "requestTimeoutMs");
        requirePositive(connectTimeout.toMillis(), "connectTimeoutMs");
        requirePositive(requestLimit, "requestLimit");
        requirePositive(reconnectInitial.toMillis(), "reconnectInitialMs");
        requirePositive(pingInterval.toMillis(), "pingIntervalMs");
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new InvalidInputException("bybit: parameter 'reconnectMaxMs' (" + reconnectMax.toMillis()
                    + ") is below 'reconnectInitialMs' (" + reconnectInitial.toMillis() + ")");
        }
        if (silenceTimeout.compareTo(pingInterval) <= 0) {
            throw new InvalidInputException("bybit: parameter 'silenceTimeoutMs' (" + silenceTimeout.toMillis()
                    + ") must be longer than 'pingIntervalMs' (" + pingInterval.toMillis() + "), or every quiet stream would count as dead");
        }
        if (maxMessageBytes < 1024 || maxMessageBytes > Heartbeat.MAX_FRAME_CHARS) {
            throw new InvalidInputException("bybit: parameter 'maxMessageBytes' is " + maxMessageBytes + ", expected 1024.." + Heartbeat.MAX_FRAME_CHARS);
        }
        requirePositive(downAfterAttempts, "downAfterAttempts");
        Objects.requireNonNull(liquidationFeeRate, "liquidationFeeRate");
        if (liquidationFeeRate.signum() < 0 || liquidationFeeRate.compareTo(java.math.BigDecimal.ONE) >= 0) {
            throw new InvalidInputException("bybit: parameter 'liquidationFeeRate' is " + liquidationFeeRate.toPlainString()
                    + ", expected a fraction in [0, 1), e.g. 0.0006");
        }
    }

    /**
     * Production URLs and defaults (spot), with or without credentials.
     *
     * @param credentials API key and secret, or empty for market data only
     * @return the configuration
     */
    public static BybitConfig production(Optional<Credentials> credentials) {
        return from(new ExchangeSettings(Params.empty("bybit"), credentials));
    }

    /**
     * Every URL pointing at a local server, e.g. the simulator, with the other defaults (spot).
     *
     * @param restUrl REST base URL, e.g. {@code http://127.0.0.1:PORT}
     * @param publicStreamUrl public WebSocket URL
     * @param privateStreamUrl private WebSocket URL
     * @param credentials API key and secret the server accepts
     * @return the configuration
     * @throws InvalidInputException when a URL is malformed or has the wrong scheme
     */
    public static BybitConfig local(String restUrl, String publicStreamUrl, String privateStreamUrl, Credentials credentials) {
        return from(new ExchangeSettings(Params.of("bybit", Map.of("restUrl", restUrl, "publicStreamUrl", publicStreamUrl,
                "privateStreamUrl", privateStreamUrl)), Optional.of(credentials)));
    }

    /**
     * Reads and checks the parameters listed above; every error names the parameter and what it expects.
     *
     * @param settings the venue's parameters and credentials
     * @return the configuration, with defaults for every parameter not given
     * @throws InvalidInputException on an unknown parameter or a value that is malformed or out of range
     */
    public static BybitConfig from(ExchangeSettings settings) {
        Params p = settings.params().requireOnly(PARAMETERS);
        Category category = p.choice("category", Category.class, Category.SPOT);
        Network network = p.choice("network", Network.class, Network.PRODUCTION);
        String rest = switch (network) {
            case PRODUCTION -> PRODUCTION_REST;
            case TESTNET -> TESTNET_REST;
            case DEMO -> DEMO_REST;
        };
        boolean linear = category == Category.LINEAR;
        String publicStream = network == Network.TESTNET ? (linear ? TESTNET_PUBLIC_LINEAR : TESTNET_PUBLIC_SPOT)
                : (linear ? PRODUCTION_PUBLIC_LINEAR : PRODUCTION_PUBLIC_SPOT);
        String privateStream = switch (network) {
            case PRODUCTION -> PRODUCTION_PRIVATE;
            case TESTNET -> TESTNET_PRIVATE;
            case DEMO -> DEMO_PRIVATE;
        };
        return new BybitConfig(category,
                url(p, "restUrl", rest, Set.of("http", "https")),
                url(p, "publicStreamUrl", publicStream, Set.of("ws", "wss")),
                url(p, "privateStreamUrl", privateStream, Set.of("ws", "wss")),
                settings.credentials(),
                p.longValue("recvWindow", 5000),
                Duration.ofMillis(p.longValue("requestTimeoutMs", 10_000)),
                Duration.ofMillis(p.longValue("connectTimeoutMs", 5_000)),
                p.longValue("requestLimit", 10),
                Duration.ofMillis(p.longValue("maxRateLimitWaitMs", 10_000)),
                Duration.ofMillis(p.longValue("reconnectInitialMs", 250)),
                Duration.ofMillis(p.longValue("reconnectMaxMs", 30_000)),
                Duration.ofMillis(p.longValue("pingIntervalMs", 20_000)),
                Duration.ofMillis(p.longValue("silenceTimeoutMs", 60_000)),
                (int) Math.min(Integer.MAX_VALUE, p.longValue("maxMessageBytes", Heartbeat.MAX_FRAME_CHARS)),
                (int) Math.min(Integer.MAX_VALUE, p.longValue("downAfterAttempts", 5)),
                p.decimal("liquidationFeeRate", DEFAULT_LIQUIDATION_FEE_RATE));
    }

    private static URI url(Params p, String name, String fallback, Set<String> schemes) {
        String text = p.text(name, fallback);
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("bybit: parameter '" + name + "' is '" + text + "', expected a URL", e);
        }
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("bybit: parameter '" + name + "' is '" + text + "', expected a URL with scheme "
                    + String.join(" or ", new TreeSet<>(schemes)) + " and a host");
        }
        return uri;
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new InvalidInputException("bybit: parameter '" + name + "' is " + value + ", expected a positive number");
        }
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "BybitConfig[category=" + category.wire() + ", rest=" + restUrl + ", public=" + publicStreamUrl + ", private=" + privateStreamUrl
                + ", credentials=" + (credentials.isPresent() ? "***" : "none") + ", recvWindow=" + recvWindowMillis + "]";
    }
}
