package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Credentials;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.bybit.BybitConfig;
import io.tradekit.core.net.HttpReply;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.Idempotency;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Bybit v5 REST: signs, budgets, sends and reads every call.
 *
 * <ul>
 *   <li>Signed calls carry {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP} (the server's clock: local
 *       time plus the median offset of recent {@code /v5/market/time} samples), {@code X-BAPI-RECV-WINDOW}
 *       and {@code X-BAPI-SIGN} over exactly the query string or JSON body that is sent.</li>
 *   <li>10002 (timestamp outside the window) is refused before any processing: the clock is resampled and
 *       the call sent once more.</li>
 *   <li>Every call takes one from the key's shared per-second budget, corrected from
 *       {@code X-Bapi-Limit}/{@code X-Bapi-Limit-Status}; 10006 pauses the budget until
 *       {@code X-Bapi-Limit-Reset-Timestamp}; HTTP 403 ("access too frequent") pauses it for 10 minutes.</li>
 *   <li>A new order that times out or meets a 5xx is {@code UNKNOWN_OUTCOME} and never sent again here
 *       (see {@link Retrier}); an answer that is not JSON names the call.</li>
 * </ul>
 */
public final class BybitRestClient {

    private static final Duration CLOCK_REFRESH = Duration.ofMinutes(10);
    private static final int CLOCK_SAMPLES = 3;

    private final BybitConfig config;
    private final HttpTransport transport;
    private final BybitSigner signer;
    private final String apiKey;
    private final RequestBudget budget;
    private final Retrier retrier;
    private final ServerClockOffset clock;
    private final InstantSource localClock;

    public BybitRestClient(BybitConfig config, HttpTransport transport, RequestBudget budget, Retrier retrier, ServerClockOffset clock,
                           InstantSource localClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.signer = config.credentials().map(c -> new BybitSigner(c.secret())).orElse(null);
        this.apiKey = config.credentials().map(Credentials::apiKey).orElse(null);
        this.budget = budget;
        this.retrier = retrier;
        this.clock = clock;
        this.localClock = localClock;
    }

    /** Calls {@code endpoint}; returns its {@code result} object. {@code what} names the call in errors. */
    public JsonNode call(Endpoint endpoint, RequestText params, String what) {
        return retrier.call(endpoint.idempotency(), what, () -> callOnce(endpoint, params, what));
    }

    /** The server's time now, by the kept offset (sampled first if there is none or it is old). */
    public long serverMillis() {
        ensureClockSynced();
        return clock.serverMillis(localClock.millis());
    }

    /** Samples the server's clock afresh, e.g. after a 10002. */
    public synchronized void resyncClock() {
        clock.clear();
        for (int i = 0; i < CLOCK_SAMPLES; i++) {
            sampleClock();
        }
    }

    /** The signed request for {@code endpoint} at {@code timestamp} (server milliseconds). */
    public HttpRequest signedRequest(Endpoint endpoint, RequestText params, long timestamp) {
        if (signer == null) {
            throw new ExchangeException(BybitErrors.VENUE, ErrorCategory.AUTH, RecoveryAction.HALT, "",
                    "bybit " + endpoint + ": needs credentials (API key and secret), none were given", null, null);
        }
        String payload = endpoint.isPost() ? params.json() : params.query();
        String signature = signer.signRest(timestamp, apiKey, config.recvWindowMillis(), payload);
        return request(endpoint, payload)
                .header("X-BAPI-API-KEY", apiKey)
                .header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
                .header("X-BAPI-RECV-WINDOW", Long.toString(config.recvWindowMillis()))
                .header("X-BAPI-SIGN", signature)
                .header("X-BAPI-SIGN-TYPE", "2")
                .build();
    }

    /**
     * Sends the signed {@code endpoint} as {@link #call} does, but only if that needs no wait (the server clock sampled
     * and fresh, room in the budget): it is signed and handed to the HTTP client on the calling thread, and the answer
     * (read as {@link #call} reads it) completes the stage on the client's threads. What {@link #call} would do after a
     * failed first attempt (sign again after a 10002, repeat after a refused connection, wait out a short rate limit)
     * runs on {@code executor}, with the same outcome. Empty, with nothing sent and nothing taken from the budget, when
     * something would have to be waited for.
     */
    public Optional<CompletableFuture<JsonNode>> callWithoutBlocking(Endpoint endpoint, RequestText params, String what, Executor executor) {
        if (!endpoint.signed() || !clockFresh() || !budget.tryAcquire(1)) return Optional.empty();
        CompletableFuture<JsonNode> first = transport.sendWithoutBlocking(signedRequest(endpoint, params, clock.serverMillis(localClock.millis())))
                .thenApply(reply -> read(endpoint, what, reply));
        return Optional.of(retrier.afterSentWithoutBlocking(first, endpoint.idempotency(), what, () -> {
            resyncClock();
            return send(endpoint, what, signedRequest(endpoint, params, clock.serverMillis(localClock.millis())));
        }, () -> callOnce(endpoint, params, what), executor));
    }

    private JsonNode callOnce(Endpoint endpoint, RequestText params, String what) {
        if (!endpoint.signed()) {
            return send(endpoint, what, request(endpoint, params.query()).build());
        }
        ensureClockSynced();
        try {
            return send(endpoint, what, signedRequest(endpoint, params, clock.serverMillis(localClock.millis())));
        } catch (ExchangeException e) {
            if (e.category() != ErrorCategory.CLOCK_SKEW) throw e;
            resyncClock();
            return send(endpoint, what, signedRequest(endpoint, params, clock.serverMillis(localClock.millis())));
        }
    }

    private HttpRequest.Builder request(Endpoint endpoint, String payload) {
        boolean post = endpoint.isPost();
        URI uri = URI.create(config.restUrl() + endpoint.path() + (post || payload.isEmpty() ? "" : "?" + payload));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout());
        if (post) {
            return b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        }
        return b.GET();
    }

    private JsonNode send(Endpoint endpoint, String what, HttpRequest request) {
        budget.acquire(1);
        return read(endpoint, what, transport.send(request));
    }

    /** An answer's {@code result}, or the failure it reports; the budget learns what the venue counted. */
    private JsonNode read(Endpoint endpoint, String what, HttpReply reply) {
        observeUsage(reply);
        boolean placing = endpoint == Endpoint.CREATE_ORDER || endpoint == Endpoint.CANCEL_ORDER;
        if (!reply.isSuccess()) {
            throw httpFailure(reply, what, placing);
        }
        JsonNode answer;
        try {
            answer = VenueJson.read(reply.body());
            long retCode = VenueJson.integer(answer, "retCode");
            if (retCode != 0) {
                throw retCodeFailure(reply, (int) retCode, answer.path("retMsg").asText(""), what, placing);
            }
            JsonNode result = answer.get("result");
            return result == null || result.isNull() ? VenueJson.MAPPER.createObjectNode() : result;
        } catch (MalformedMessage e) {
            // an order whose answer cannot be read may still have been taken: look it up, never send it again
            boolean mayExist = endpoint.idempotency() == Idempotency.NON_IDEMPOTENT;
            throw new ExchangeException(BybitErrors.VENUE, mayExist ? ErrorCategory.UNKNOWN_OUTCOME : ErrorCategory.MALFORMED_DATA,
                    mayExist ? RecoveryAction.RESYNC_STATE : RecoveryAction.SKIP, "",
                    "bybit " + what + ": answer is " + e.getMessage() + ": " + StreamEvents.truncate(reply.body(), 200), null, e);
        }
    }

    private void observeUsage(HttpReply reply) {
        OptionalLong limit = reply.longHeader("X-Bapi-Limit");
        OptionalLong remaining = reply.longHeader("X-Bapi-Limit-Status");
        if (limit.isPresent() && remaining.isPresent()) {
            budget.observeUsed(Math.max(0, limit.getAsLong() - remaining.getAsLong()));
        }
    }

    private ExchangeException retCodeFailure(HttpReply reply, int retCode, String message, String what, boolean placing) {
        Duration retryAfter = null;
        BybitErrors.Mapping mapping = BybitErrors.classify(200, retCode, placing);
        if (mapping.category() == ErrorCategory.RATE_LIMIT) {
            retryAfter = untilReset(reply);
            budget.pauseFor(retryAfter);
        }
        return BybitErrors.toException(what, 200, retCode, message, placing, retryAfter);
    }

    private ExchangeException httpFailure(HttpReply reply, String what, boolean placing) {
        Duration retryAfter = null;
        if (reply.status() == 403) {
            retryAfter = BybitErrors.IP_BLOCK;
            budget.pauseFor(retryAfter);
        } else if (reply.status() == 429) {
            retryAfter = untilReset(reply);
            budget.pauseFor(retryAfter);
        }
        Integer retCode = null;
        String message = StreamEvents.truncate(reply.body(), 200);
        try {
            JsonNode body = VenueJson.read(reply.body());
            if (body.hasNonNull("retCode")) {
                retCode = body.get("retCode").asInt();
                message = body.path("retMsg").asText("");
            }
        } catch (MalformedMessage notJson) {
            // a gateway's HTML page: keep the status and a piece of the body
        }
        return BybitErrors.toException(what, reply.status(), retCode, message, placing, retryAfter);
    }

    /** The wait until Bybit's rate-limit window resets, from its header; one second when it does not say. */
    private Duration untilReset(HttpReply reply) {
        OptionalLong reset = reply.longHeader("X-Bapi-Limit-Reset-Timestamp");
        if (reset.isEmpty()) return Duration.ofSeconds(1);
        long wait = reset.getAsLong() - clock.serverMillis(localClock.millis());
        return Duration.ofMillis(Math.max(1, Math.min(wait, 60_000)));
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
        JsonNode time = call(Endpoint.TIME, new RequestText(), "GET /v5/market/time");
        long received = localClock.millis();
        clock.addSample(sent, serverTime(time), received);
    }

    /** {@code /v5/market/time}'s result in milliseconds: {@code timeNano} when present, else {@code timeSecond}. */
    public static long serverTime(JsonNode result) {
        if (result.hasNonNull("timeNano")) {
            return VenueJson.integer(result, "timeNano") / 1_000_000L;
        }
        return VenueJson.integer(result, "timeSecond") * 1000L;
    }
}
