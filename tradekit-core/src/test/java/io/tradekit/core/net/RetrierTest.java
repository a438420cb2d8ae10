package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetrierTest {

    private final FakeClock clock = new FakeClock(0);
    private final Retrier retrier = new Retrier("venue", 3, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.5),
            Duration.ofSeconds(5), clock, new Random(1));

    private static ExchangeException failure(ErrorCategory category) {
        return new ExchangeException("venue", category, "", category + " happened");
    }

    /** Fails with the given failures, in order, then answers "ok". */
    private static Supplier<String> failing(AtomicInteger calls, ExchangeException... failures) {
        Deque<ExchangeException> left = new ArrayDeque<>(java.util.List.of(failures));
        return () -> {
            calls.incrementAndGet();
            if (!left.isEmpty()) throw left.removeFirst();
            return "ok";
        };
    }

    @Test
    void idempotentCallIsRepeatedAfterATimeoutAndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call(Idempotency.IDEMPOTENT, "GET /x", failing(calls, failure(ErrorCategory.TIMEOUT), failure(ErrorCategory.UNKNOWN_OUTCOME)));
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(clock.waits).hasSize(2);
    }

    @Test
    void newOrderIsNeverRepeatedAfterATimeoutButReportedAsUnknownOutcome() {
        AtomicInteger calls = new AtomicInteger();
        ExchangeException e = catchThrowableOfType(ExchangeException.class,
                () -> retrier.call(Idempotency.NON_IDEMPOTENT, "POST /order (client order id a1)", failing(calls, failure(ErrorCategory.TIMEOUT))));
        assertThat(calls).hasValue(1);
        assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(e.recoveryAction()).isEqualTo(RecoveryAction.RESYNC_STATE);
        assertThat(e.getMessage()).contains("client order id a1").contains("look it up");
    }

    @Test
    void newOrderRefusedByTheVenueWithItsOwnCodeIsAPlainRefusalNotAnUnknownOutcome() {
        AtomicInteger calls = new AtomicInteger();
        ExchangeException waf = new ExchangeException("venue", ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.PAUSE, "HTTP403",
                "blocked by the firewall", null, null);
        ExchangeException e = catchThrowableOfType(ExchangeException.class,
                () -> retrier.call(Idempotency.NON_IDEMPOTENT, "POST /order (client order id a1)", failing(calls, waf)));
        assertThat(calls).hasValue(1);
        assertThat(e).isSameAs(waf);
        // a bare 5xx-like failure without the venue's code stays an unknown outcome
        ExchangeException bare = catchThrowableOfType(ExchangeException.class, () -> retrier.call(Idempotency.NON_IDEMPOTENT,
                "POST /order (client order id a2)", failing(new AtomicInteger(), failure(ErrorCategory.VENUE_UNAVAILABLE))));
        assertThat(bare.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
    }

    @Test
    void newOrderIsRepeatedWhenTheConnectionWasNeverMade() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(retrier.call(Idempotency.NON_IDEMPOTENT, "POST /order", failing(calls, failure(ErrorCategory.NETWORK)))).isEqualTo("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void rateLimitWithShortRetryAfterWaitsExactlyThatLongThenRepeats() {
        AtomicInteger calls = new AtomicInteger();
        ExchangeException limited = new ExchangeException("venue", ErrorCategory.RATE_LIMIT, RecoveryAction.BACK_OFF, "-1003",
                "too much weight", Duration.ofSeconds(2), null);
        assertThat(retrier.call(Idempotency.NON_IDEMPOTENT, "POST /order", failing(calls, limited))).isEqualTo("ok");
        assertThat(clock.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void rateLimitWithLongRetryAfterIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        ExchangeException banned = new ExchangeException("venue", ErrorCategory.RATE_LIMIT, RecoveryAction.BACK_OFF, "-1003",
                "banned", Duration.ofMinutes(2), null);
        assertThatThrownBy(() -> retrier.call(Idempotency.IDEMPOTENT, "GET /x", failing(calls, banned))).isSameAs(banned);
        assertThat(calls).hasValue(1);
    }

    @Test
    void authAndInvalidOrderFailuresAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        ExchangeException auth = failure(ErrorCategory.AUTH);
        assertThatThrownBy(() -> retrier.call(Idempotency.IDEMPOTENT, "GET /x", failing(calls, auth))).isSameAs(auth);
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        ExchangeException third = failure(ErrorCategory.TIMEOUT);
        assertThatThrownBy(() -> retrier.call(Idempotency.IDEMPOTENT, "GET /x",
                failing(calls, failure(ErrorCategory.TIMEOUT), failure(ErrorCategory.TIMEOUT), third))).isSameAs(third);
        assertThat(calls).hasValue(3);
    }

    @Test
    void goingOnAfterAFirstAttemptMadeElsewhereRepeatsOrGivesUpAsTheWholeCallWould() {
        AtomicInteger calls = new AtomicInteger();
        // nothing was sent (no connection): the order is sent again, after the first backoff
        assertThat(retrier.callAfter(failure(ErrorCategory.NETWORK), Idempotency.NON_IDEMPOTENT, "POST /order", failing(calls))).isEqualTo("ok");
        assertThat(calls).hasValue(1);
        assertThat(clock.waits).hasSize(1);

        // sent and unanswered: never sent again, reported as unknown at once
        AtomicInteger never = new AtomicInteger();
        ExchangeException unknown = catchThrowableOfType(ExchangeException.class, () -> retrier.callAfter(failure(ErrorCategory.TIMEOUT),
                Idempotency.NON_IDEMPOTENT, "POST /order (client order id a1)", failing(never)));
        assertThat(never).hasValue(0);
        assertThat(unknown.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(unknown.getMessage()).contains("client order id a1").contains("look it up");

        // the attempts are counted from the first: two more failures use up all three
        AtomicInteger more = new AtomicInteger();
        ExchangeException last = failure(ErrorCategory.NETWORK);
        assertThat(catchThrowableOfType(ExchangeException.class, () -> retrier.callAfter(failure(ErrorCategory.NETWORK),
                Idempotency.NON_IDEMPOTENT, "POST /order", failing(more, failure(ErrorCategory.NETWORK), last)))).isSameAs(last);
        assertThat(more).hasValue(2);
    }

    @Test
    void aFirstAttemptSentWithoutBlockingEndsAsTheWholeCallWould() throws Exception {
        java.util.concurrent.Executor inline = Runnable::run;
        AtomicInteger resent = new AtomicInteger();
        AtomicInteger later = new AtomicInteger();
        Supplier<String> resend = () -> {
            resent.incrementAndGet();
            return "resent";
        };

        // answered: nothing else happens
        assertThat(retrier.afterSentWithoutBlocking(java.util.concurrent.CompletableFuture.completedFuture("first"), Idempotency.NON_IDEMPOTENT,
                "POST /order", resend, failing(later), inline).get()).isEqualTo("first");
        // a refused timestamp: signed and sent once more, as part of the first attempt
        assertThat(retrier.afterSentWithoutBlocking(java.util.concurrent.CompletableFuture.failedFuture(failure(ErrorCategory.CLOCK_SKEW)),
                Idempotency.NON_IDEMPOTENT, "POST /order", resend, failing(later), inline).get()).isEqualTo("resent");
        // never connected: repeated after the backoff
        assertThat(retrier.afterSentWithoutBlocking(java.util.concurrent.CompletableFuture.failedFuture(failure(ErrorCategory.NETWORK)),
                Idempotency.NON_IDEMPOTENT, "POST /order", resend, failing(later), inline).get()).isEqualTo("ok");
        assertThat(resent).hasValue(1);
        assertThat(later).hasValue(1);

        // sent and unanswered: unknown, never repeated
        java.util.concurrent.ExecutionException unknown = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                () -> retrier.afterSentWithoutBlocking(java.util.concurrent.CompletableFuture.<String>failedFuture(failure(ErrorCategory.TIMEOUT)),
                        Idempotency.NON_IDEMPOTENT, "POST /order (client order id a9)", resend, failing(later), inline).get());
        assertThat(unknown.getCause()).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
            assertThat(e.getMessage()).contains("client order id a9").contains("look it up");
        });
        assertThat(later).hasValue(1);
        assertThat(resent).hasValue(1);
    }
}
