package io.tradekit.binance;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how the adapter talks to Binance spot. Built from {@link ExchangeSettings} parameters:
 *
 * <table>
 *   <caption>parameters</caption>
 *   <tr><td>{@code network}</td><td>{@code production} (default) or {@code testnet}: picks the three URLs below</td></tr>
 *   <tr><td>{@code restUrl}</td><td>REST base; production {@value #PRODUCTION_REST}, testnet {@value #TESTNET_REST}</td></tr>
 *   <tr><td>{@code streamUrl}</td><td>market streams base; production {@value #PRODUCTION_STREAM}, testnet {@value #TESTNET_STREAM}</td></tr>
 *   <tr><td>{@code wsApiUrl}</td><td>WebSocket API (user data); production {@value #PRODUCTION_WS_API}, testnet {@value #TESTNET_WS_API}</td></tr>
 *   <tr><td>{@code recvWindow}</td><td>milliseconds a signed request stays valid, 1..60000, default 5000</td></tr>
 *   <tr><td>{@code orderResponse}</td><td>{@code full} (default: fills come with the answer) or {@code result}</td></tr>
 *   <tr><td>{@code requestTimeoutMs}, {@code connectTimeoutMs}</td><td>default 10000 and 5000</td></tr>
 *   <tr><td>{@code weightLimit}</td><td>request weight per minute shared by all bots on the key, default 6000</td></tr>
 *   <tr><td>{@code orderLimit}</td><td>new orders per 10 s, default 50</td></tr>
 *   <tr><td>{@code maxRateLimitWaitMs}</td><td>longest a call waits for budget before failing with RATE_LIMIT, default 10000</td></tr>
 *   <tr><td>{@code reconnectInitialMs}, {@code reconnectMaxMs}</td><td>WebSocket reconnect backoff, default 250 and 30000</td></tr>
 *   <tr><td>{@code maxConnectionAgeMinutes}</td><td>planned reconnect before Binance's 24 h cut, default 1430</td></tr>
 *   <tr><td>{@code maxResponseBytes}</td><td>largest REST answer read, default 8388608 (8 MiB)</td></tr>
 *   <tr><td>{@code maxMessageBytes}</td><td>largest stream message accepted, default 1048576 (1 MiB)</td></tr>
 *   <tr><td>{@code streamSilenceSeconds}</td><td>a stream with no frame at all (pongs to our pings included) for this long is replaced, default 60</td></tr>
 *   <tr><td>{@code downAfterAttempts}</td><td>failed reconnects in a row after which a stream is reported down (stale data), default 5</td></tr>
 *   <tr><td>{@code instrumentTtlMs}</td><td>how long a symbol's filters are reused before exchangeInfo is read again, default 3600000 (1 h)</td></tr>
 *   <tr><td>{@code keyType}</td><td>{@code hmac} (default: the secret is the HMAC secret) or {@code ed25519} (the secret is the
 *       PKCS#8 PEM of the Ed25519 private key; REST and WebSocket API requests are signed with it)</td></tr>
 *   <tr><td>{@code orderChannel}</td><td>{@code rest} (default) or {@code websocket}: place, cancel and look up orders over the
 *       WebSocket API ({@code order.place}, {@code order.cancel}, {@code order.status}, {@code openOrders.cancelAll})</td></tr>
 *   <tr><td>{@code sessionLogon}</td><td>{@code true} to authenticate WebSocket API connections once with {@code session.logon}
 *       instead of signing each request (Ed25519 keys only, as at Binance), default false</td></tr>
 *   <tr><td>{@code selfTradePreventionMode}</td><td>{@code NONE}, {@code EXPIRE_TAKER}, {@code EXPIRE_MAKER}, {@code EXPIRE_BOTH},
 *       {@code DECREMENT} or {@code TRANSFER}, sent with every new order; checked against the symbol's
 *       {@code allowedSelfTradePreventionModes} before sending. Default: not sent (the symbol's default applies)</td></tr>
 *   <tr><td>{@code depthLimit}</td><td>levels per side of the order book snapshot ({@code GET /api/v3/depth}), 1..5000, default 1000
 *       (weight 50; 100 costs 5, 500 costs 25, 5000 costs 250)</td></tr>
 *   <tr><td>{@code depthSpeedMs}</td><td>{@code 100} (default: {@code <symbol>@depth@100ms}) or {@code 1000} ({@code <symbol>@depth})</td></tr>
 * </table>
 *
 * Any local server that speaks the protocol (e.g. the {@code tradekit-binance-simulator} module) can be
 * used by pointing the three URLs at it.
 *
 * <p>The compact constructor checks every value and throws {@link InvalidInputException} naming the parameter
 * and the range it expects; {@link #toString()} never shows the credentials.
 *
 * @param restUrl REST base URL ({@code http} or {@code https}), without a trailing slash
 * @param streamUrl market streams base URL ({@code ws} or {@code wss})
 * @param wsApiUrl WebSocket API URL ({@code ws} or {@code wss}), used for user data and, with
 *        {@link OrderChannel#WEBSOCKET}, for orders
 * @param credentials API key and secret; empty for market data only (calls that need a signature then fail)
 * @param recvWindowMillis milliseconds a signed request stays valid at Binance, 1..60000
 * @param orderResponse how much a new-order answer carries
 * @param requestTimeout deadline over one whole REST exchange, positive
 * @param connectTimeout deadline for opening a connection (REST and WebSocket), positive
 * @param weightLimit request weight per minute, shared by every adapter on the same API key in this JVM
 * @param orderLimit new orders per 10 seconds, shared like {@code weightLimit}
 * @param maxRateLimitWait longest a call waits for request budget before it fails with {@code RATE_LIMIT}
 * @param reconnectInitial first WebSocket reconnect delay, positive; the backoff doubles from here, with jitter
 * @param reconnectMax cap of the reconnect delay, not below {@code reconnectInitial}
 * @param maxConnectionAge age at which a stream is replaced before Binance's 24-hour cut, at least one minute
 * @param maxResponseBytes largest REST answer read, in bytes
 * @param maxMessageBytes largest stream message accepted, in bytes, at least 1024
 * @param streamSilence how long a stream may stay without any frame before it is replaced, at least one second
 * @param downAfterAttempts failed reconnects in a row after which a stream is reported down
 * @param instrumentTtl how long a symbol's filters are reused before {@code exchangeInfo} is read again, not negative
 * @param keyType whether the secret is an HMAC secret or an Ed25519 private key (PKCS#8 PEM)
 * @param orderChannel whether orders go over REST or the WebSocket API
 * @param sessionLogon {@code true} to log WebSocket API connections on once with {@code session.logon};
 *        allowed only with {@link KeyType#ED25519}
 * @param selfTradePreventionMode the self-trade-prevention mode sent with every new order; empty to send none
 *        (the symbol's default applies)
 * @param depthLimit levels per side of an order book snapshot, 1..5000
 * @param depthSpeedMillis update speed of the diff depth stream in milliseconds, 100 or 1000
 */
public record BinanceConfig(URI restUrl, URI streamUrl, URI wsApiUrl, Optional<Credentials> credentials,
                            long recvWindowMillis, OrderResponse orderResponse,
                            Duration requestTimeout, Duration connectTimeout,
                            long weightLimit, long orderLimit, Duration maxRateLimitWait,
                            Duration reconnectInitial, Duration reconnectMax, Duration maxConnectionAge,
                            long maxResponseBytes, int maxMessageBytes, Duration streamSilence, int downAfterAttempts,
                            Duration instrumentTtl, KeyType keyType, OrderChannel orderChannel, boolean sessionLogon,
                            Optional<SelfTradePrevention> selfTradePreventionMode, int depthLimit, int depthSpeedMillis) {

    /** Binance spot's production REST base URL. */
    public static final String PRODUCTION_REST = "https://api.binance.com";
    /** Binance spot's production market streams base URL. */
    public static final String PRODUCTION_STREAM = "wss://stream.binance.com:9443";
    /** Binance spot's production WebSocket API URL. */
    public static final String PRODUCTION_WS_API = "wss://ws-api.binance.com:443/ws-api/v3";
    /** The spot testnet's REST base URL. */
    public static final String TESTNET_REST = "https://testnet.binance.vision";
    /** The spot testnet's market streams base URL. */
    public static final String TESTNET_STREAM = "wss://stream.testnet.binance.vision";
    /** The spot testnet's WebSocket API URL. */
    public static final String TESTNET_WS_API = "wss://ws-api.testnet.binance.vision/ws-api/v3";

    private static final Set<String> PARAMETERS = Set.of("network", "restUrl", "streamUrl", "wsApiUrl", "recvWindow",
            "orderResponse", "requestTimeoutMs", "connectTimeoutMs", "weightLimit", "orderLimit", "maxRateLimitWaitMs",
            "reconnectInitialMs", "reconnectMaxMs", "maxConnectionAgeMinutes", "maxResponseBytes", "maxMessageBytes",
            "streamSilenceSeconds", "downAfterAttempts", "instrumentTtlMs", "keyType", "orderChannel", "sessionLogon",
            "selfTradePreventionMode", "depthLimit", "depthSpeedMs");

    /** How much a new-order answer carries (Binance's {@code newOrderRespType}). */
    public enum OrderResponse {
        /** The answer carries the order and the fills it met on arrival. */
        FULL,
        /** The answer carries the order's state without its fills. */
        RESULT
    }

    /** What kind of API key the credentials hold. */
    public enum KeyType {
        /** The secret is the HMAC-SHA256 secret Binance issued with the key. */
        HMAC,
        /** The secret is the PKCS#8 PEM of the Ed25519 private key whose public key was registered at Binance. */
        ED25519
    }

    /** Where orders are placed, cancelled and looked up. */
    public enum OrderChannel {
        /** Orders go over the REST API. */
        REST,
        /** Orders go over the WebSocket API ({@code order.place}, {@code order.cancel}, {@code order.status},
         *  {@code openOrders.cancelAll}). */
        WEBSOCKET
    }

    /** Binance's self-trade-prevention modes (enums.md, "STP Modes"). */
    public enum SelfTradePrevention {
        /** No self-trade prevention. */
        NONE,
        /** The incoming (taker) order expires. */
        EXPIRE_TAKER,
        /** The resting (maker) order expires. */
        EXPIRE_MAKER,
        /** Both orders expire. */
        EXPIRE_BOTH,
        /** Both orders' quantities are reduced by the quantity that would have matched. */
        DECREMENT,
        /** Binance's {@code TRANSFER} mode (see Binance's STP documentation); the adapter passes the name on unchanged. */
        TRANSFER
    }

    /** Which Binance to talk to when no URL is given. */
    public enum Network {
        /** Binance spot production ({@value #PRODUCTION_REST} and its streams). */
        PRODUCTION,
        /** The spot testnet ({@value #TESTNET_REST} and its streams). */
        TESTNET
    }

    /**
     * Checks every value.
     *
     * @throws InvalidInputException when a value is outside its range, naming the parameter and what it expects
     * @throws NullPointerException when a URL, the credentials' {@code Optional} or an enum value is null
     */
    public BinanceConfig {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(wsApiUrl, "wsApiUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(orderResponse, "orderResponse");
        if (recvWindowMillis < 1 || recvWindowMillis > 60_000) {
            throw new InvalidInputException("binance: parameter 'recvWindow' is " + recvWindowMillis + ", expected 1..60000 milliseconds");
        }
        requirePositive(weightLimit, "weightLimit");
        requirePositive(orderLimit, "orderLimit");
        requirePositive(requestTimeout.toMillis(), "requestTimeoutMs");
        requirePositive(connectTimeout.toMillis(), "connectTimeoutMs");
        requirePositive(reconnectInitial.toMillis(), "reconnectInitialMs");
        requirePositive(maxConnectionAge.toMinutes(), "maxConnectionAgeMinutes");
        requirePositive(maxResponseBytes, "maxResponseBytes");
        if (maxMessageBytes < 1024) {
            throw new InvalidInputException("binance: parameter 'maxMessageBytes' is " + maxMessageBytes + ", expected at least 1024");
        }
        requirePositive(streamSilence.toSeconds(), "streamSilenceSeconds");
        requirePositive(downAfterAttempts, "downAfterAttempts");
        if (instrumentTtl.isNegative()) {
            throw new InvalidInputException("binance: parameter 'instrumentTtlMs' is " + instrumentTtl.toMillis() + ", expected 0 or more");
        }
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(orderChannel, "orderChannel");
        Objects.requireNonNull(selfTradePreventionMode, "selfTradePreventionMode");
        if (sessionLogon && keyType != KeyType.ED25519) {
            throw new InvalidInputException("binance: parameter 'sessionLogon' is true but 'keyType' is " + keyType
                    + "; Binance accepts session.logon with Ed25519 keys only");
        }
        if (depthLimit < 1 || depthLimit > 5000) {
            throw new InvalidInputException("binance: parameter 'depthLimit' is " + depthLimit + ", expected 1..5000 levels per side");
        }
        if (depthSpeedMillis != 100 && depthSpeedMillis != 1000) {
            throw new InvalidInputException("binance: parameter 'depthSpeedMs' is " + depthSpeedMillis + ", expected 100 or 1000");
        }
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new InvalidInputException("binance: parameter 'reconnectMaxMs' (" + reconnectMax.toMillis()
                    + ") is below 'reconnectInitialMs' (" + reconnectInitial.toMillis() + ")");
        }
    }

    /**
     * Production URLs and defaults, with or without credentials.
     *
     * @param credentials API key and secret, or empty for market data only
     * @return the configuration
     */
    public static BinanceConfig production(Optional<Credentials> credentials) {
        return from(new ExchangeSettings(Params.empty("binance"), credentials));
    }

    /**
     * Every URL pointing at one local server, e.g. the simulator, with the other defaults.
     *
     * @param restUrl REST base URL, e.g. {@code http://127.0.0.1:PORT}
     * @param streamUrl market streams base URL, e.g. {@code ws://127.0.0.1:PORT}
     * @param wsApiUrl WebSocket API URL
     * @param credentials API key and secret the server accepts
     * @return the configuration
     * @throws InvalidInputException when a URL is malformed or has the wrong scheme
     */
    public static BinanceConfig local(String restUrl, String streamUrl, String wsApiUrl, Credentials credentials) {
        return from(new ExchangeSettings(Params.of("binance", java.util.Map.of("restUrl", restUrl, "streamUrl", streamUrl,
                "wsApiUrl", wsApiUrl)), Optional.of(credentials)));
    }

    /**
     * Reads and checks the parameters listed above; every error names the parameter and what it expects.
     *
     * @param settings the venue's parameters and credentials
     * @return the configuration, with defaults for every parameter not given
     * @throws InvalidInputException on an unknown parameter or a value that is malformed or out of range
     */
    public static BinanceConfig from(ExchangeSettings settings) {
        Params p = settings.params().requireOnly(PARAMETERS);
        Network network = p.choice("network", Network.class, Network.PRODUCTION);
        boolean testnet = network == Network.TESTNET;
        return new BinanceConfig(
                url(p, "restUrl", testnet ? TESTNET_REST : PRODUCTION_REST, Set.of("http", "https")),
                url(p, "streamUrl", testnet ? TESTNET_STREAM : PRODUCTION_STREAM, Set.of("ws", "wss")),
                url(p, "wsApiUrl", testnet ? TESTNET_WS_API : PRODUCTION_WS_API, Set.of("ws", "wss")),
                settings.credentials(),
                p.longValue("recvWindow", 5000),
                p.choice("orderResponse", OrderResponse.class, OrderResponse.FULL),
                Duration.ofMillis(p.longValue("requestTimeoutMs", 10_000)),
                Duration.ofMillis(p.longValue("connectTimeoutMs", 5_000)),
                p.longValue("weightLimit", 6000),
                p.longValue("orderLimit", 50),
                Duration.ofMillis(p.longValue("maxRateLimitWaitMs", 10_000)),
                Duration.ofMillis(p.longValue("reconnectInitialMs", 250)),
                Duration.ofMillis(p.longValue("reconnectMaxMs", 30_000)),
                Duration.ofMinutes(p.longValue("maxConnectionAgeMinutes", 1430)),
                p.longValue("maxResponseBytes", 8L << 20),
                (int) Math.min(Integer.MAX_VALUE, p.longValue("maxMessageBytes", 1 << 20)),
                Duration.ofSeconds(p.longValue("streamSilenceSeconds", 60)),
                (int) Math.min(Integer.MAX_VALUE, p.longValue("downAfterAttempts", 5)),
                Duration.ofMillis(p.longValue("instrumentTtlMs", 3_600_000)),
                p.choice("keyType", KeyType.class, KeyType.HMAC),
                p.choice("orderChannel", OrderChannel.class, OrderChannel.REST),
                p.bool("sessionLogon", false),
                p.text("selfTradePreventionMode").map(m -> p.choice("selfTradePreventionMode", SelfTradePrevention.class, SelfTradePrevention.NONE)),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p.longValue("depthLimit", 1000))),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p.longValue("depthSpeedMs", 100))));
    }

    /**
     * A copy with other credentials.
     *
     * @param newCredentials the credentials of the copy, or empty for none
     * @return the copy; this configuration is unchanged
     */
    public BinanceConfig withCredentials(Optional<Credentials> newCredentials) {
        return new BinanceConfig(restUrl, streamUrl, wsApiUrl, newCredentials, recvWindowMillis, orderResponse, requestTimeout,
                connectTimeout, weightLimit, orderLimit, maxRateLimitWait, reconnectInitial, reconnectMax, maxConnectionAge,
                maxResponseBytes, maxMessageBytes, streamSilence, downAfterAttempts, instrumentTtl, keyType, orderChannel, sessionLogon,
                selfTradePreventionMode, depthLimit, depthSpeedMillis);
    }

    /**
     * The reconnect rules every stream of this adapter uses.
     *
     * @return this configuration's connect timeout, silence limit, connection age, capped exponential backoff with
     *         jitter, message size limit and down threshold, as the shared WebSocket's options
     */
    public io.tradekit.core.net.ReconnectingWebSocket.Options streamOptions() {
        return new io.tradekit.core.net.ReconnectingWebSocket.Options(connectTimeout, streamSilence, maxConnectionAge,
                new io.tradekit.core.net.Backoff(reconnectInitial, reconnectMax, 2.0, 0.5), maxMessageBytes, Duration.ofSeconds(30),
                downAfterAttempts);
    }

    private static URI url(Params p, String name, String fallback, Set<String> schemes) {
        String text = p.text(name, fallback);
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("binance: parameter '" + name + "' is '" + text + "', expected a URL", e);
        }
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("binance: parameter '" + name + "' is '" + text + "', expected a URL with scheme "
                    + String.join(" or ", new java.util.TreeSet<>(schemes)) + " and a host");
        }
        return uri;
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new InvalidInputException("binance: parameter '" + name + "' is " + value + ", expected a positive number");
        }
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "BinanceConfig[rest=" + restUrl + ", stream=" + streamUrl + ", wsApi=" + wsApiUrl
                + ", credentials=" + (credentials.isPresent() ? "***" : "none") + ", keyType=" + keyType + ", orderChannel=" + orderChannel
                + ", recvWindow=" + recvWindowMillis + "]";
    }
}
