package io.tradekit.advisor.notify.internal;

import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.Secret;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.UntrustedText;
import io.tradekit.core.net.HttpReply;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.Idempotency;
import io.tradekit.core.net.Retrier;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * One notifier's HTTP delivery: each attempt within the request's deadline and the answer size limit, a 429
 * repeated after the wait the receiver asks for, a 5xx or a lost connection repeated with capped, jittered
 * backoff (the {@link Retrier}'s), any other status refused at once. Failures become a
 * {@link NotificationException} whose message has the secret (which may be part of the URL) replaced and no cause
 * that could carry it.
 */
public final class Delivery {

    private final String notifier;
    private final HttpTransport transport;
    private final Retrier retrier;
    private final Secret secret;

    public Delivery(String notifier, HttpTransport transport, Retrier retrier, Secret secret) {
        this.notifier = notifier;
        this.transport = transport;
        this.retrier = retrier;
        this.secret = secret;
    }

    /**
     * Sends {@code request} until it succeeds or must not be repeated.
     *
     * @param retryAfter reads from a 429 answer how long the receiver asks to wait (empty: not said)
     * @return the successful answer
     */
    public HttpReply send(HttpRequest request, Function<HttpReply, Optional<Duration>> retryAfter) throws NotificationException {
        try {
            return retrier.call(Idempotency.IDEMPOTENT, notifier, () -> attempt(request, retryAfter));
        } catch (TradeKitException e) {
            throw new NotificationException(notifier + ": not delivered: " + secret.redact(e.getMessage()));
        }
    }

    private HttpReply attempt(HttpRequest request, Function<HttpReply, Optional<Duration>> retryAfter) {
        HttpReply reply = transport.send(request);
        int status = reply.status();
        if (reply.isSuccess()) return reply;
        String said = "HTTP " + status + " " + UntrustedText.quote(secret.redact(reply.body()));
        if (status == 429) {
            throw new ExchangeException(notifier, ErrorCategory.RATE_LIMIT, RecoveryAction.BACK_OFF, "", notifier + ": rate limited, " + said,
                    retryAfter.apply(reply).orElse(null), null);
        }
        if (status >= 500) {
            throw new ExchangeException(notifier, ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.BACK_OFF, "", notifier + ": " + said, null, null);
        }
        throw new ExchangeException(notifier, ErrorCategory.INVALID_INPUT, RecoveryAction.SKIP, "", notifier + ": refused, " + said, null, null);
    }
}
