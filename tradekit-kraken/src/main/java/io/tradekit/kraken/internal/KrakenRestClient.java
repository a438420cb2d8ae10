package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Credentials;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.core.net.CallRateCounter;
import io.tradekit.core.net.HttpReply;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;
import io.tradekit.kraken.KrakenConfig;
import io.tradekit.kraken.internal.KrakenErrors.Operation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Kraken spot REST: public calls are {@code GET} with a query string; private calls are {@code POST}
 * with a form body that starts with {@code nonce}, signed over that exact body ({@link KrakenSigner}),
 * and charged to the key's call counter (shared by every bot on the key) before they leave.
 *
 * <ul>
 *   <li>An answer is {@code {"error":[...],"result":...}}; a non-empty {@code error} becomes an
 *       {@link ExchangeException} through {@link KrakenErrors}. Warnings (strings starting with {@code W})
 *       are not errors.</li>
 *   <li>Private calls of one key leave one at a time from this JVM, so the venue sees their nonces in order.</li>
 *   <li>{@code EAPI:Invalid nonce} means the request was refused before processing: the nonce mark jumps
 *       ahead and a call that is safe to repeat is sent once more. A new order is not repeated here; the
 *       adapter first looks it up by its client order id.</li>
 *   <li>A rate-limit answer stops the counter's callers for a while.</li>
 *   <li>Timeouts and 5xx on a new order surface as {@code UNKNOWN_OUTCOME} and are never sent again
 *       (see {@link Retrier}); reads and cancels are repeated.</li>
 * </ul>
 */
public final class KrakenRestClient {

    /** How far the nonce mark jumps after {@code EAPI:Invalid nonce}: past any clock another client on the key may use. */
    static final long NONCE_JUMP_MILLIS = 1_000;
    /** Counter points a rate-limit answer costs us in waiting. */
    private static final double RATE_LIMIT_PENALTY_POINTS = 4;

    private final KrakenConfig config;
    private final HttpTransport transport;
    private final KrakenSigner signer;
    private final String apiKey;
    private final NonceSource nonces;
    private final CallRateCounter calls;
    private final CallRateCounter trading;
    private final Retrier retrier;

    public KrakenRestClient(KrakenConfig config, HttpTransport transport, NonceSource nonces, CallRateCounter calls,
                            CallRateCounter trading, Retrier retrier) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        Credentials credentials = config.credentials().orElse(null);
        this.signer = credentials == null ? null : new KrakenSigner(credentials.secret());
        this.apiKey = credentials == null ? null : credentials.apiKey();
        this.nonces = nonces;
        this.calls = calls;
        this.trading = trading;
        this.retrier = retrier;
    }

    /** Calls {@code call} with {@code params}; returns the answer's {@code result}. */
    public JsonNode call(KrakenCall call, Form params, Operation operation, String what) {
        return retrier.call(call.idempotency(), what, () -> callOnce(call, params, operation, what));
    }

    /** Like {@link #call}, but an {@code EAPI:Invalid nonce} is thrown to the caller instead of handled here. */
    public JsonNode callNoNonceRetry(KrakenCall call, Form params, Operation operation, String what) {
        return retrier.call(call.idempotency(), what, () -> send(call, params, operation, what));
    }

    /** Moves the nonce mark ahead after Kraken refused one. */
    public void jumpNonce() {
        if (nonces != null) nonces.jumpAhead(NONCE_JUMP_MILLIS);
    }

    private JsonNode callOnce(KrakenCall call, Form params, Operation operation, String what) {
        try {
            return send(call, params, operation, what);
        } catch (ExchangeException e) {
            if (!call.signed() || !KrakenErrors.isInvalidNonce(e) || call == KrakenCall.ADD_ORDER) throw e;
            jumpNonce();
            return send(call, params, operation, what);
        }
    }

    /** The signed request for {@code call}: form body {@code nonce=...&params}, headers API-Key and API-Sign. */
    public HttpRequest signedRequest(KrakenCall call, Form params, long nonce) {
        if (signer == null) {
            throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.AUTH, RecoveryAction.HALT, "",
                    "kraken " + call + ": needs credentials (API key and secret), none were given", null, null);
        }
        String body = "nonce=" + nonce + (params.isEmpty() ? "" : "&" + params);
        String signature = signer.sign(call.path(), Long.toString(nonce), body);
        return HttpRequest.newBuilder(URI.create(config.restUrl() + call.path()))
                .timeout(config.requestTimeout())
                .header("API-Key", apiKey)
                .header("API-Sign", signature)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "tradekit")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private JsonNode send(KrakenCall call, Form params, Operation operation, String what) {
        HttpRequest request;
        if (call.signed()) {
            // one request of the key at a time from this JVM: the venue must see the nonces in order
            if (signer == null || nonces == null) {
                throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.AUTH, RecoveryAction.HALT, "",
                        "kraken " + what + ": needs credentials (API key and secret), none were given", null, null);
            }
            (call.trades() ? trading : calls).acquire(call.trades() ? 1 : call.cost());
            HttpReply reply = nonces.sendInOrder(nonce -> transport.send(signedRequest(call, params, nonce)));
            return read(reply, call, operation, what);
        } else {
            request = HttpRequest.newBuilder(URI.create(config.restUrl() + call.path() + (params.isEmpty() ? "" : "?" + params)))
                    .timeout(config.requestTimeout())
                    .header("User-Agent", "tradekit")
                    .GET().build();
        }
        HttpReply reply = transport.send(request);
        return read(reply, call, operation, what);
    }

    private JsonNode read(HttpReply reply, KrakenCall call, Operation operation, String what) {
        JsonNode root = null;
        try {
            root = VenueJson.read(reply.body());
        } catch (MalformedMessage e) {
            if (reply.isSuccess()) {
                throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.MALFORMED_DATA, RecoveryAction.SKIP, "",
                        "kraken " + what + ": answer is " + e.getMessage() + ": " + StreamEvents.truncate(reply.body(), 200), null, e);
            }
            // an HTML error page from a proxy: the status decides
        }
        String error = root == null ? null : firstError(root);
        if (reply.isSuccess() && error == null) {
            JsonNode result = root.get("result");
            if (result == null || result.isNull()) {
                throw new ExchangeException(KrakenErrors.VENUE, ErrorCategory.MALFORMED_DATA, RecoveryAction.SKIP, "",
                        "kraken " + what + ": answer has neither an error nor a result: " + StreamEvents.truncate(reply.body(), 200), null, null);
            }
            return result;
        }
        // the wait the venue names (EService:Throttled's time, an edge's Retry-After), else what the counter model says
        Duration retryAfter = KrakenErrors.throttledFor(error, System.currentTimeMillis())
                .or(() -> reply.longHeader("Retry-After").stream().mapToObj(Duration::ofSeconds).findFirst())
                .orElse(null);
        boolean rateLimited = KrakenErrors.isRateLimit(error) || reply.status() == 429;
        if (rateLimited && retryAfter == null) {
            double decay = call.trades() ? config.tier().tradingDecayPerSecond() : config.tier().decayPerSecond();
            retryAfter = Duration.ofMillis((long) Math.ceil(RATE_LIMIT_PENALTY_POINTS / decay * 1000));
        }
        CallRateCounter counter = call.trades() ? trading : calls;
        if (retryAfter != null && counter != null) {
            // nothing of this key goes out before then; only a rate-limit answer says the venue's count is full
            if (rateLimited) counter.pauseFor(retryAfter);
            else counter.holdFor(retryAfter);
        }
        return throwFailure(KrakenErrors.toException(what, operation, reply.status(), error, retryAfter));
    }

    private static JsonNode throwFailure(ExchangeException e) {
        throw e;
    }

    /** The first real error of an answer (warnings start with W), or null. */
    static String firstError(JsonNode root) {
        JsonNode errors = root.get("error");
        if (errors == null || !errors.isArray()) return null;
        for (JsonNode e : errors) {
            String text = e.asText("");
            if (!text.isEmpty() && text.charAt(0) != 'W') return text;
        }
        return null;
    }
}
