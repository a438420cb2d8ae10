package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs a venue call and repeats it only when repeating is safe.
 *
 * <ul>
 *   <li>{@code NETWORK}: the request never left (connection refused): repeated for every call.</li>
 *   <li>{@code RATE_LIMIT} with a {@code Retry-After} no longer than {@code maxRetryAfter}: the venue
 *       refused without acting, so the call is repeated after that wait.</li>
 *   <li>{@code TIMEOUT}, {@code VENUE_UNAVAILABLE}, {@code UNKNOWN_OUTCOME}: repeated for an idempotent
 *       call; for a non-idempotent one (a new order) they surface as {@code UNKNOWN_OUTCOME}, never
 *       repeated, so that the caller looks the order up instead of sending it twice. The exception is a
 *       {@code VENUE_UNAVAILABLE} that carries the venue's own code (a firewall's 403, an "overloaded"
 *       error): the venue refused without acting, so it is thrown as it is, as
 *       {@code ErrorClassifier.placement} reads it too.</li>
 *   <li>anything else is thrown at once.</li>
 * </ul>
 */
public final class Retrier {

    private final String venue;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /**
     * A retrier with its own attempts and waits.
     *
     * @param venue the venue's name, for messages; never null
     * @param maxAttempts how many times a call is made at most, the first included; 1 or more
     * @param backoff the wait between attempts
     * @param maxRetryAfter the longest venue-asked wait ({@code Retry-After}) honoured before giving up
     * @param sleeper how it waits
     * @param random the source of the backoff's jitter
     * @throws InvalidInputException if {@code maxAttempts} is below 1
     * @throws NullPointerException if an object argument is null
     */
    public Retrier(String venue, int maxAttempts, Backoff backoff, Duration maxRetryAfter, Sleeper sleeper, RandomGenerator random) {
        this.venue = Objects.requireNonNull(venue, "venue");
        if (maxAttempts < 1) {
            throw new InvalidInputException(venue + ": retry attempts must be 1 or more, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Three attempts, standard backoff, waits up to 5 s for a {@code Retry-After}.
     *
     * @param venue the venue's name, for messages
     * @return a retrier that sleeps the calling thread
     */
    public static Retrier standard(String venue) {
        return new Retrier(venue, 3, Backoff.standard(), Duration.ofSeconds(5), Sleeper.THREAD, RandomGenerator.getDefault());
    }

    /**
     * Calls {@code call} until it succeeds or fails in a way that must not be repeated.
     * Blocks the calling thread while it waits between attempts.
     *
     * @param what names the call in error messages, e.g. {@code "POST /api/v3/order (client order id a1)"}
     * @param <T> the call's result type
     * @param idempotency whether the call may be repeated when its outcome is unknown
     * @param call the call; only an {@link ExchangeException} it throws is considered for a retry
     * @return the first successful result
     * @throws ExchangeException the failure when it must not be repeated or the attempts are used up; a failure of unknown
     *         outcome of a non-idempotent call as {@code UNKNOWN_OUTCOME}
     */
    public <T> T call(Idempotency idempotency, String what, Supplier<T> call) {
        return callAfter(null, idempotency, what, call);
    }

    /**
     * The outcome of a call whose first attempt was sent without blocking ({@code firstAttempt}), as {@link #call} would
     * have ended it: the first attempt's result; after its failure, what a venue client's attempt does on a refused
     * timestamp ({@code CLOCK_SKEW}: {@code resentAfterClockSkew}, which samples the clock again and sends once more, as
     * part of the same attempt), then the attempts {@link #callAfter} makes with {@code attempt}. Those may wait, so
     * everything after a failed first attempt runs on {@code executor}.
     *
     * @param firstAttempt the first attempt, sent; completes with its result or its {@link ExchangeException}
     * @param idempotency whether the call may be repeated when its outcome is unknown
     * @param what names the call in error messages
     * @param resentAfterClockSkew the first attempt again after its timestamp was refused: resample the clock, sign, send
     * @param attempt one attempt of the call, blocking, for the attempts after the first
     * @param executor where the attempts after the first run
     * @param <T> the call's result type
     * @return the call's outcome: its result, or (as a {@link java.util.concurrent.CompletionException}'s cause) the
     *         exception {@link #call} would have thrown
     */
    public <T> CompletableFuture<T> afterSentWithoutBlocking(CompletableFuture<T> firstAttempt, Idempotency idempotency, String what,
                                                             Supplier<T> resentAfterClockSkew, Supplier<T> attempt, Executor executor) {
        return firstAttempt.exceptionallyCompose(failure -> {
            Throwable cause = Stages.failure(failure);
            if (!(cause instanceof ExchangeException first)) return CompletableFuture.failedFuture(cause);
            return CompletableFuture.supplyAsync(() -> {
                if (first.category() != ErrorCategory.CLOCK_SKEW) return callAfter(first, idempotency, what, attempt);
                T resent;
                try {
                    resent = resentAfterClockSkew.get();
                } catch (ExchangeException e) {
                    return callAfter(e, idempotency, what, attempt);
                }
                return resent;
            }, executor);
        });
    }

    /**
     * Goes on with {@link #call} after its first attempt was made elsewhere (sent without blocking) and failed with
     * {@code firstFailure}: waits and repeats {@code call} as {@code call} would have after that attempt, or throws what
     * it would have thrown. With {@code firstFailure} null it is {@link #call}.
     *
     * @param firstFailure how the first attempt failed, or null when none was made
     * @param idempotency whether the call may be repeated when its outcome is unknown
     * @param what names the call in error messages
     * @param call the call, for the attempts after the first
     * @param <T> the call's result type
     * @return the first successful result
     * @throws ExchangeException as {@link #call}
     */
    public <T> T callAfter(ExchangeException firstFailure, Idempotency idempotency, String what, Supplier<T> call) {
        ExchangeException failure = firstFailure;
        int failedAttempts = firstFailure == null ? 0 : 1;
        while (true) {
            if (failure != null) pause(waitBeforeRepeat(failure, idempotency, what, failedAttempts), failure);
            try {
                return call.get();
            } catch (ExchangeException e) {
                failure = e;
                failedAttempts++;
            }
        }
    }

    private Duration waitBeforeRepeat(ExchangeException e, Idempotency idempotency, String what, int attempt) {
        ErrorCategory category = e.category();
        boolean lastAttempt = attempt >= maxAttempts;
        switch (category) {
            case NETWORK -> {
                if (lastAttempt) throw e;
                return backoff.delay(attempt, random);
            }
            case RATE_LIMIT -> {
                Duration after = e.retryAfter().orElse(null);
                if (lastAttempt || after == null || after.compareTo(maxRetryAfter) > 0) throw e;
                return after;
            }
            case TIMEOUT, VENUE_UNAVAILABLE, UNKNOWN_OUTCOME -> {
                if (idempotency == Idempotency.NON_IDEMPOTENT) {
                    if (category == ErrorCategory.VENUE_UNAVAILABLE && !e.venueCode().isBlank()) throw e;
                    throw unknownOutcome(e, what);
                }
                if (lastAttempt) throw e;
                return backoff.delay(attempt, random);
            }
            default -> throw e;
        }
    }

    private ExchangeException unknownOutcome(ExchangeException e, String what) {
        if (e.category() == ErrorCategory.UNKNOWN_OUTCOME) {
            return e;
        }
        return new ExchangeException(venue, ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, e.venueCode(),
                what + ": " + e.getMessage() + "; the request may have taken effect, look it up before sending it again",
                e.retryAfter().orElse(null), e);
    }

    private void pause(Duration wait, ExchangeException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            TradeKitException stop = new TradeKitException(ErrorCategory.INTERNAL,
                    venue + ": interrupted while waiting to repeat a call", interrupted);
            stop.addSuppressed(cause);
            throw stop;
        }
    }
}
