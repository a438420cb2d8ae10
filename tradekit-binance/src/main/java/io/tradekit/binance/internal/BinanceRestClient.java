package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Credentials;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.binance.internal.BinanceErrors.Operation;
import io.tradekit.core.net.HttpReply;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.ServerClockOffset;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binance spot REST: signs, budgets, sends and reads every call.
 *
 * <ul>
 *   <li>Signed calls carry {@code recvWindow}, a {@code timestamp} on the server's clock (local time plus
 *       the median offset of recent {@code /api/v3/time} samples, refreshed every 10 minutes) and the
 *       signature as the last parameter; the API key goes in {@code X-MBX-APIKEY}.</li>
 *   <li>-1021 (timestamp outside the window) means the request was refused before any processing: the
 *       clock is resampled and the call sent once more.</li>
 *   <li>Weight is taken from the shared budget before sending and corrected from
 *       {@code X-MBX-USED-WEIGHT-1M} / {@code X-MBX-ORDER-COUNT-10S}; 429, 418, -1003 and -1015 pause the
 *       budget for {@code Retry-After} (or to the end of the window).</li>
 *   <li>Failures become {@link ExchangeException}s through {@link BinanceErrors}; a new order that times
 *       out or meets a 5xx is {@code UNKNOWN_OUTCOME} and never sent again (see {@link Retrier}).</li>
 * </ul>
 */
public final class BinanceRestClient {

    private static final Duration CLOCK_REFRESH = Duration.ofMinutes(10);
    private static final int CLOCK_SAMPLES = 3;

    private final BinanceConfig config;
    private final HttpTransport transport;
    private final RequestSigner signer;
    private final String apiKey;
    private final RequestBudget weight;
    private final RequestBudget orders;
    private final Retrier retrier;
    private final ServerClockOffset clock;
    private final InstantSource localClock;
    /** Each endpoint's URL without a query, parsed once. */
    private final Map<Endpoint, URI> endpointUris = new EnumMap<>(Endpoint.class);

    public BinanceRestClient(BinanceConfig config, HttpTransport transport, RequestBudget weight, RequestBudget orders,
                             Retrier retrier, ServerClockOffset clock, InstantSource localClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        Optional<Credentials> credentials = config.credentials();
        this.signer = credentials.map(c -> RequestSigner.of(config.keyType(), c.secret())).orElse(null);
        this.apiKey = credentials.map(Credentials::apiKey).orElse(null);
        this.weight = weight;
        this.orders = orders;
        this.retrier = retrier;
        this.clock = clock;
        this.localClock = localClock;
        for (Endpoint endpoint : Endpoint.values()) endpointUris.put(endpoint, URI.create(config.restUrl() + endpoint.path()));
    }

    /** Calls {@code endpoint} with {@code params} (timestamp and signature are added here for signed ones). */
    public JsonNode call(Endpoint endpoint, QueryString params, Operation operation, String what) {
        return retrier.call(endpoint.idempotency(), what, () -> callOnce(endpoint, params, operation, what, false));
    }

    /**
     * As {@link #call(Endpoint, QueryString, Operation, String)}, but an error answer that carries a
     * {@code data} object (cancel-replace's partial failures: {@code {"code":-2021,"msg":..,"data":{..}}})
     * is returned as it is for the caller to read, instead of being thrown.
     */
    public JsonNode callKeepingErrorData(Endpoint endpoint, QueryString params, Operation operation, String what) {
        return retrier.call(endpoint.idempotency(), what, () -> callOnce(endpoint, params, operation, what, true));
    }

    /**
     * Calls {@code endpoint} and reads its answer with {@code reader}. An answer of the wrong shape is an
     * {@link ExchangeException} naming the call: {@code MALFORMED_DATA}, or {@code UNKNOWN_OUTCOME} for a
     * new order, which may exist although its answer could not be read.
     */
    public <T> T call(Endpoint endpoint, QueryString params, Operation operation, String what, Function<JsonNode, T> reader) {
        return read(what, operation, call(endpoint, params, operation, what), reader);
    }

    /** Reads part of an answer of {@code what} with {@code reader}; a wrong shape fails as {@link #call(Endpoint, QueryString, Operation, String, Function)} does. */
    public <T> T read(String what, Operation operation, JsonNode part, Function<JsonNode, T> reader) {
        try {
            return reader.apply(part);
        } catch (MalformedMessage | IllegalArgumentException | InvalidInputException e) {
            throw unreadable(what, operation, e.getMessage(), part.toString(), e);
        }
    }

    /** The server's time now, by the kept offset (sampled first if there is none). */
    public long serverMillis() {
        ensureClockSynced();
        return clock.serverMillis(localClock.millis());
    }

    /** Samples the server's clock afresh, e.g. after a -1021. */
    public synchronized void resyncClock() {
        clock.clear();
        for (int i = 0; i < CLOCK_SAMPLES; i++) {
            sampleClock();
        }
    }

    /** The signer of this client's requests; the WebSocket API signs with the same key. */
    public RequestSigner signer() {
        if (signer == null) {
            throw new ExchangeException(BinanceErrors.VENUE, ErrorCategory.AUTH, RecoveryAction.HALT, "",
                    "binance: signed requests need credentials (API key and secret), none were given", null, null);
        }
        return signer;
    }

    public ServerClockOffset clockOffset() {
        return clock;
    }

    /**
     * The signed HTTP request for {@code endpoint}, ready to send: params, {@code recvWindow}, {@code timestamp}, then
     * {@code signature} over all of them. A POST carries them as a form body (Binance signs the query string and the
     * body together, and here the query string is empty), so that the signature stays out of the URL and the URL is
     * the endpoint's own, parsed once: parsing a 300-character URL was a quarter of a live bot's work per order. Other
     * methods carry them as the query string.
     */
    public HttpRequest signedRequest(Endpoint endpoint, QueryString params, long timestampMillis) {
        if (signer == null) {
            throw new ExchangeException(BinanceErrors.VENUE, ErrorCategory.AUTH, RecoveryAction.HALT, "",
                    "binance " + endpoint + ": needs credentials (API key and secret), none were given", null, null);
        }
        StringBuilder signed = new StringBuilder(256);
        if (!params.isEmpty()) {
            params.appendTo(signed);
            signed.append('&');
        }
        signed.append("recvWindow=").append(config.recvWindowMillis()).append("&timestamp=").append(timestampMillis);
        String signature = signer.sign(signed.toString());
        QueryString.encode(signature, signed.append("&signature=")); // an Ed25519 signature is base64: its '+', '/' and '=' are percent-encoded
        if (endpoint.method().equals("POST")) {
            return HttpRequest.newBuilder(endpointUris.get(endpoint))
                    .timeout(config.requestTimeout())
                    .header("X-MBX-APIKEY", apiKey)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(signed.toString()))
                    .build();
        }
        return request(endpoint, URI.create(config.restUrl() + endpoint.path() + "?" + signed)).header("X-MBX-APIKEY", apiKey).build();
    }

    /** The timestamp a signed request made now carries. */
    public long timestamp() {
        return clock.serverMillis(localClock.millis());
    }

    private JsonNode callOnce(Endpoint endpoint, QueryString params, Operation operation, String what, boolean keepErrorData) {
        if (!endpoint.signed()) {
            return send(endpoint, params, operation, what, () -> publicRequest(endpoint, params), false);
        }
        ensureClockSynced();
        // signed only once the budget let the request through: a request that waited for its turn still
        // carries a fresh timestamp (signing before the wait sent it stale and drew -1021)
        try {
            return send(endpoint, params, operation, what, () -> signedRequest(endpoint, params, timestamp()), keepErrorData);
        } catch (ExchangeException e) {
            if (e.category() != ErrorCategory.CLOCK_SKEW) throw e;
            resyncClock();
            return send(endpoint, params, operation, what, () -> signedRequest(endpoint, params, timestamp()), keepErrorData);
        }
    }

    /**
     * Sends the signed {@code endpoint} as {@link #call} does, but only if that needs no wait (the server clock sampled
     * and fresh, room in the budgets): it is signed and handed to the HTTP client on the calling thread, and the answer
     * (read as {@link #call} reads it) completes the stage on the client's threads. What {@link #call} would do after a
     * failed first attempt (sign again after a -1021, repeat after a refused connection, wait out a short rate limit) runs
     * on {@code executor}, with the same outcome. Empty, with nothing sent and nothing taken from the budgets, when
     * something would have to be waited for.
     */
    public Optional<CompletableFuture<JsonNode>> callWithoutBlocking(Endpoint endpoint, QueryString params, Operation operation,
                                                                      String what, Executor executor) {
        if (!endpoint.signed() || !clockFresh()
                || !orders.tryAcquireWith(endpoint.countsAsOrder() ? 1 : 0, weight, weightOf(endpoint, params))) {
            return Optional.empty();
        }
        CompletableFuture<JsonNode> first = transport.sendWithoutBlocking(signedRequest(endpoint, params, timestamp()))
                .thenApply(reply -> read(reply, operation, what, false));
        return Optional.of(retrier.afterSentWithoutBlocking(first, endpoint.idempotency(), what, () -> {
            resyncClock();
            return send(endpoint, params, operation, what, () -> signedRequest(endpoint, params, timestamp()), false);
        }, () -> callOnce(endpoint, params, operation, what, false), executor));
    }

    private HttpRequest publicRequest(Endpoint endpoint, QueryString params) {
        return request(endpoint, params.toString()).build();
    }

    private HttpRequest.Builder request(Endpoint endpoint, String query) {
        return request(endpoint, URI.create(config.restUrl() + endpoint.path() + (query.isEmpty() ? "" : "?" + query)));
    }

    private HttpRequest.Builder request(Endpoint endpoint, URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
    }

    private JsonNode send(Endpoint endpoint, QueryString params, Operation operation, String what, Supplier<HttpRequest> request,
                          boolean keepErrorData) {
        weight.acquire(weightOf(endpoint, params));
        if (endpoint.countsAsOrder()) {
            orders.acquire(1);
        }
        return read(transport.send(request.get()), operation, what, keepErrorData);
    }

    /** An answer's JSON, or the failure it reports; the budgets learn what the venue counted. */
    private JsonNode read(HttpReply reply, Operation operation, String what, boolean keepErrorData) {
        observeUsage(reply);
        if (reply.isSuccess()) {
            try {
                return VenueJson.read(reply.body());
            } catch (MalformedMessage e) {
                throw unreadable(what, operation, e.getMessage(), reply.body(), e);
            }
        }
        if (keepErrorData) {
            try {
                JsonNode error = VenueJson.read(reply.body());
                if (error.path("data").isObject()) return error;
            } catch (MalformedMessage notJson) {
                // not the documented shape: reported as any other failure below
            }
        }
        throw failure(reply, operation, what);
    }

    /** An answer that could not be read; for a new order that means its outcome is unknown. */
    private static ExchangeException unreadable(String what, Operation operation, String problem, String raw, Throwable cause) {
        boolean place = operation.changesAnOrder();
        return new ExchangeException(BinanceErrors.VENUE, place ? ErrorCategory.UNKNOWN_OUTCOME : ErrorCategory.MALFORMED_DATA,
                place ? RecoveryAction.RESYNC_STATE : RecoveryAction.SKIP, "",
                "binance " + what + ": the answer could not be read (" + problem + ")"
                        + (place ? "; it may have taken effect, look it up before sending it again" : "") + ": " + StreamEvents.truncate(raw, 200),
                null, cause);
    }

    private static int weightOf(Endpoint endpoint, QueryString params) {
        if (endpoint == Endpoint.OPEN_ORDERS && !params.toString().contains("symbol=")) {
            return Endpoint.OPEN_ORDERS_ALL_SYMBOLS_WEIGHT;
        }
        if (endpoint == Endpoint.DEPTH) {
            return Endpoint.depthWeight(Integer.parseInt(params.values().getOrDefault("limit", "100")));
        }
        return endpoint.weight();
    }

    private void observeUsage(HttpReply reply) {
        reply.longHeader("X-MBX-USED-WEIGHT-1M").ifPresent(weight::observeUsed);
        reply.longHeader("X-MBX-ORDER-COUNT-10S").ifPresent(orders::observeUsed);
    }

    private ExchangeException failure(HttpReply reply, Operation operation, String what) {
        Integer code = null;
        String message = StreamEvents.truncate(reply.body(), 200);
        try {
            JsonNode error = VenueJson.read(reply.body());
            if (error.isObject() && error.hasNonNull("code") && error.get("code").canConvertToInt()) {
                code = error.get("code").asInt();
                message = VenueJson.optionalText(error, "msg", "");
            }
        } catch (MalformedMessage notJson) {
            // an HTML error page from a proxy or the WAF: keep the status and a piece of the body
        }
        OptionalLong retryAfterSeconds = reply.longHeader("Retry-After");
        Duration retryAfter = retryAfterSeconds.isPresent() ? Duration.ofSeconds(retryAfterSeconds.getAsLong()) : null;
        boolean orderLimit = code != null && code == -1015;
        boolean weightLimit = reply.status() == 429 || reply.status() == 418 || (code != null && code == -1003);
        if (orderLimit) {
            retryAfter = retryAfter != null ? retryAfter : untilWindowEnds(Duration.ofSeconds(10));
            orders.pauseFor(retryAfter);
        } else if (weightLimit) {
            retryAfter = retryAfter != null ? retryAfter : untilWindowEnds(Duration.ofMinutes(1));
            weight.pauseFor(retryAfter);
        }
        return BinanceErrors.toException(what, operation, reply.status(), code, message, retryAfter);
    }

    private Duration untilWindowEnds(Duration window) {
        long now = localClock.millis();
        return Duration.ofMillis(window.toMillis() - Math.floorMod(now, window.toMillis()));
    }

    private synchronized void ensureClockSynced() {
        if (clockFresh()) return;
        int needed = clock.sampleCount() >= CLOCK_SAMPLES ? 1 : CLOCK_SAMPLES - clock.sampleCount();
        for (int i = 0; i < needed; i++) {
            sampleClock();
        }
    }

    /** Enough samples of the server clock, the last one recent. */
    private boolean clockFresh() {
        return clock.isFresh(localClock.millis(), CLOCK_SAMPLES, CLOCK_REFRESH);
    }

    private void sampleClock() {
        long sent = localClock.millis();
        long server = retrier.call(Endpoint.TIME.idempotency(), "GET /api/v3/time", () -> {
            JsonNode time = send(Endpoint.TIME, new QueryString(), Operation.OTHER, "GET /api/v3/time",
                    () -> publicRequest(Endpoint.TIME, new QueryString()), false);
            try {
                return VenueJson.integer(time, "serverTime");
            } catch (MalformedMessage e) {
                throw unreadable("GET /api/v3/time", Operation.OTHER, e.getMessage(), time.toString(), e);
            }
        });
        long received = localClock.millis();
        clock.addSample(sent, server, received);
    }
}
