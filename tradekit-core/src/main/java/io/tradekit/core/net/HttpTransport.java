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
 * Messages name the method and path only; query strings (which carry signatures) never appear.
 */
public final class HttpTransport {

    private final String venue;
    private final HttpClient client;

    public HttpTransport(String venue, Duration connectTimeout) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends {@code request} and returns whatever status came back. */
    public HttpReply send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw failure(ErrorCategory.NETWORK, RecoveryAction.RETRY, what + ": could not connect (" + describe(e) + ")", e);
        } catch (HttpTimeoutException e) {
            throw failure(ErrorCategory.TIMEOUT, RecoveryAction.RESYNC_STATE, what + ": no answer in time (" + describe(e) + ")", e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw failure(ErrorCategory.NETWORK, RecoveryAction.RETRY, what + ": could not connect (" + describe(e) + ")", e);
            }
            throw failure(ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE,
                    what + ": connection lost after the request was sent (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradeKitException(ErrorCategory.INTERNAL, venue + " " + what + ": interrupted", e);
        }
    }

    private ExchangeException failure(ErrorCategory category, RecoveryAction action, String message, Throwable cause) {
        return new ExchangeException(venue, category, action, "", venue + " " + message, null, cause);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
