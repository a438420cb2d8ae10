package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends venue requests with the JDK {@link HttpClient} and tells apart how a request can fail, because
 * that decides whether it may be sent again:
 *
 * <ul>
 *   <li>{@code NETWORK}: no connection was made (refused, unresolved, connect timeout): nothing was sent.</li>
 *   <li>{@code TIMEOUT}: sent, but no answer in time: it may have taken effect.</li>
 *   <li>{@code UNKNOWN_OUTCOME}: the connection broke after the request went out.</li>
 * </ul>
 *
 * Every exchange has one deadline on the whole of it: connect, headers and body. It is the request's
 * own {@link HttpRequest#timeout()} (or {@link #DEFAULT_DEADLINE}), enforced by this class rather than
 * the JDK client, whose timeout stops at the headers: a body that stalls half-way ends in
 * {@code TIMEOUT} at the deadline, never holds the caller for ever. A body larger than
 * {@code maxBodyBytes} is cut off and reported as {@code MALFORMED_DATA}.
 *
 * <p>Messages name the method and path only; query strings (which carry signatures) never appear.
 */
public final class HttpTransport {

    /** The deadline of a request that names none. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    /** The largest answer read unless told otherwise: 8 MiB (several times the largest venue answer tradekit reads). */
    public static final long DEFAULT_MAX_BODY_BYTES = 8L << 20;

    private final String venue;
    private final HttpClient client;
    private final long maxBodyBytes;

    /**
     * A transport that reads answers of up to {@link #DEFAULT_MAX_BODY_BYTES}.
     *
     * @param venue the venue's name, for messages; never null
     * @param connectTimeout the longest a connection may take to open
     */
    public HttpTransport(String venue, Duration connectTimeout) {
        this(venue, connectTimeout, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * A transport that refuses answers longer than {@code maxBodyBytes}.
     *
     * @param venue the venue's name, for messages; never null
     * @param connectTimeout the longest a connection may take to open
     * @param maxBodyBytes the largest answer read, in bytes; positive
     * @throws io.tradekit.api.InvalidInputException if {@code maxBodyBytes} is not positive
     */
    public HttpTransport(String venue, Duration connectTimeout, long maxBodyBytes) {
        this.venue = Objects.requireNonNull(venue, "venue");
        if (maxBodyBytes < 1) {
            throw new io.tradekit.api.InvalidInputException(venue + ": the answer size limit must be positive, got " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code request} and returns whatever status came back, within the request's deadline.
     * Blocks the calling thread, so never call it on a bot's loop.
     *
     * @param request the request; its {@link HttpRequest#timeout()} is the deadline on the whole exchange
     * @return the answer with any status: a 4xx or 5xx is returned, not thrown
     * @throws ExchangeException NETWORK, TIMEOUT, UNKNOWN_OUTCOME or MALFORMED_DATA as described above
     * @throws TradeKitException INTERNAL if the thread is interrupted (the interrupt flag is set again)
     */
    public HttpReply send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        try {
            return sendWithoutBlocking(request).get();
        } catch (ExecutionException e) {
            throw classify(what, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradeKitException(ErrorCategory.INTERNAL, venue + " " + what + ": interrupted", e);
        }
    }

    /**
     * Sends {@code request} as {@link #send} does, without blocking the calling thread: the answer, or the same
     * exception {@code send} would throw, completes the stage (on the client's threads) within the request's deadline.
     *
     * @param request the request; its {@link HttpRequest#timeout()} is the deadline on the whole exchange
     * @return the answer to come with any status; exceptionally NETWORK, TIMEOUT, UNKNOWN_OUTCOME or MALFORMED_DATA
     */
    public CompletableFuture<HttpReply> sendWithoutBlocking(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        Duration deadline = request.timeout().orElse(DEFAULT_DEADLINE);
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, LimitedBody.handler(maxBodyBytes));
        // The deadline covers the body too (the client's own timeout ends at the headers). It runs on a stage of its own,
        // so that the exchange itself is still open when it passes and can be cancelled, which closes the connection.
        CompletableFuture<HttpResponse<String>> answer = new CompletableFuture<>();
        exchange.whenComplete((response, failure) -> {
            if (failure == null) answer.complete(response);
            else answer.completeExceptionally(failure);
        });
        return answer.orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS).handle((response, failure) -> {
            if (failure == null) return new HttpReply(response.statusCode(), response.headers(), response.body());
            Throwable cause = Stages.failure(failure);
            if (cause instanceof TimeoutException) {
                exchange.cancel(true);
                throw failure(ErrorCategory.TIMEOUT, RecoveryAction.RESYNC_STATE, what + ": no complete answer within the deadline of "
                        + deadline.toMillis() + " ms", cause);
            }
            if (cause instanceof CancellationException) {
                throw failure(ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, what + ": the exchange was cancelled", cause);
            }
            throw classify(what, cause);
        });
    }

    /** What a failed exchange means: whether anything was sent decides whether it may be sent again. */
    private RuntimeException classify(String what, Throwable cause) {
        Throwable e = Stages.failure(cause);
        if (e instanceof LimitedBody.TooLarge) {
            return failure(ErrorCategory.MALFORMED_DATA, RecoveryAction.SKIP, what + ": " + e.getMessage(), e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException || e instanceof UnresolvedAddressException
                || (e instanceof IOException && e.getCause() instanceof ConnectException)) {
            return failure(ErrorCategory.NETWORK, RecoveryAction.RETRY, what + ": could not connect (" + describe(e) + ")", e);
        }
        if (e instanceof HttpTimeoutException) {
            return failure(ErrorCategory.TIMEOUT, RecoveryAction.RESYNC_STATE, what + ": no answer in time (" + describe(e) + ")", e);
        }
        if (e instanceof IOException) {
            return failure(ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE,
                    what + ": connection lost after the request was sent (" + describe(e) + ")", e);
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new TradeKitException(ErrorCategory.INTERNAL, venue + " " + what + ": " + describe(e), e);
    }

    private ExchangeException failure(ErrorCategory category, RecoveryAction action, String message, Throwable cause) {
        return new ExchangeException(venue, category, action, "", venue + " " + message, null, cause);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
