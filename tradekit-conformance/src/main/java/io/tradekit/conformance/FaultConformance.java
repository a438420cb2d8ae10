package io.tradekit.conformance;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.spi.ExchangeAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How an adapter meets a venue that misbehaves on requests: an order whose answer is a 5xx or never
 * comes is an unknown outcome, looked up and never sent again (placed, and sent without blocking when the adapter
 * offers that); a rate-limit answer is honoured; a
 * skewed venue clock is absorbed. Subclass it in the adapter's tests with a {@link VenueHarness}.
 */
public abstract class FaultConformance extends ConformanceSupport {

    /** For a venue's test class, which extends this kit and supplies its harness. */
    protected FaultConformance() {
    }

    private static ExchangeException exchangeFailure(Throwable t, String what) {
        assertThat(t).as(what).isInstanceOf(ExchangeException.class);
        return (ExchangeException) t;
    }

    @Test
    void aServerErrorAfterTheVenueTookTheOrderIsAnUnknownOutcomeLookedUpNeverResent() {
        ExchangeAdapter a = adapter();
        a.instrument(venue.symbol());
        fault(venue.faults()::failNextOrderAfterAccepting);
        int before = venue.newOrderRequests();
        ExchangeException e = exchangeFailure(catchThrowable(() -> a.place(venue.restingBuy("kit-5xx-1"))), "placing into a 5xx");
        assertThat(e.category()).as("category of a 5xx on a new order").isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.newOrderRequests() - before).as("new-order requests sent for one order").isEqualTo(1);
        Order found = a.lookup(venue.symbol(), "kit-5xx-1").orElseThrow(() ->
                new AssertionError("the order the venue took despite its 5xx was not found by lookup"));
        assertThat(found.clientOrderId()).isEqualTo("kit-5xx-1");
        assertThat(venue.venueOrderIds()).as("orders at the venue").containsOnlyOnce("kit-5xx-1");
    }

    @Test
    void anAnswerThatNeverCompletesIsAnUnknownOutcomeAtTheDeadlineLookedUpNeverResent() {
        ExchangeAdapter a = adapter();
        a.instrument(venue.symbol());
        a.lookup(venue.symbol(), "kit-warm-up");
        fault(() -> venue.faults().stallNextResponse(Duration.ofSeconds(20)));
        int before = venue.newOrderRequests();
        ExchangeException e = exchangeFailure(catchThrowable(() -> a.place(venue.restingBuy("kit-stall-1"))), "placing into a stalled answer");
        assertThat(e.category()).as("category of a new order whose answer never completed").isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.newOrderRequests() - before).as("new-order requests sent for one order").isEqualTo(1);
        awaitTrue("the stalled order is found by lookup", () -> a.lookup(venue.symbol(), "kit-stall-1").isPresent());
        assertThat(venue.venueOrderIds()).containsOnlyOnce("kit-stall-1");
    }

    /**
     * The answer to an order sent with {@link ExchangeAdapter#placeWithoutBlocking}, or the test aborted when the adapter
     * does not send that way (it is optional).
     */
    private static CompletionStage<OrderAck> sentWithoutBlocking(ExchangeAdapter a, OrderRequest request) {
        Optional<CompletionStage<OrderAck>> sent = a.placeWithoutBlocking(request);
        Assumptions.assumeTrue(sent.isPresent(), a.venue() + " does not send orders without blocking (placeWithoutBlocking is empty)");
        return sent.get();
    }

    /** How the answer {@code answer} failed; an assertion error if it succeeded or did not end within 30 s. */
    private static ExchangeException failureOf(CompletionStage<OrderAck> answer, String what) {
        try {
            OrderAck ack = answer.toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError(what + ": expected a failure, got " + ack);
        } catch (ExecutionException e) {
            return exchangeFailure(e.getCause(), what);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": the answer did not end within 30 s; an adapter's own deadline must end it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Test
    void anOrderSentWithoutBlockingIntoAServerErrorIsAnUnknownOutcomeNeverResent() {
        ExchangeAdapter a = adapter();
        a.instrument(venue.symbol());
        a.lookup(venue.symbol(), "kit-warm-up");
        fault(venue.faults()::failNextOrderAfterAccepting);
        int before = venue.newOrderRequests();
        ExchangeException e = failureOf(sentWithoutBlocking(a, venue.restingBuy("kit-nb-5xx")), "an order sent without blocking into a 5xx");
        assertThat(e.category()).as("category of a 5xx on a new order sent without blocking").isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.newOrderRequests() - before).as("new-order requests sent for one order").isEqualTo(1);
        awaitTrue("the order the venue took despite its 5xx is found by lookup", () -> a.lookup(venue.symbol(), "kit-nb-5xx").isPresent());
        assertThat(venue.venueOrderIds()).as("orders at the venue").containsOnlyOnce("kit-nb-5xx");
    }

    @Test
    void anOrderSentWithoutBlockingDoesNotWaitForAStalledAnswerWhichEndsUnknownAtTheDeadline() {
        ExchangeAdapter a = adapter();
        a.instrument(venue.symbol());
        a.lookup(venue.symbol(), "kit-warm-up");
        fault(() -> venue.faults().stallNextResponse(Duration.ofSeconds(20)));
        int before = venue.newOrderRequests();
        long started = System.nanoTime();
        CompletionStage<OrderAck> answer = sentWithoutBlocking(a, venue.restingBuy("kit-nb-stall"));
        long returnedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(returnedMillis).as("ms placeWithoutBlocking took, with the answer stalled for 20 s").isLessThan(1_000);
        ExchangeException e = failureOf(answer, "an order sent without blocking into a stalled answer");
        assertThat(e.category()).as("category of a new order whose answer never completed").isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(venue.newOrderRequests() - before).as("new-order requests sent for one order").isEqualTo(1);
        awaitTrue("the stalled order is found by lookup", () -> a.lookup(venue.symbol(), "kit-nb-stall").isPresent());
        assertThat(venue.venueOrderIds()).containsOnlyOnce("kit-nb-stall");
    }

    @Test
    void aShortRateLimitAnswerIsWaitedOutAndTheCallSucceeds() {
        ExchangeAdapter a = adapter();
        a.serverTime();
        fault(() -> venue.faults().rateLimitNext(Duration.ofSeconds(1)));
        List<Balance> balances = a.balances();
        assertThat(balances).as("balances after waiting out a 1 s rate limit").isNotEmpty();
    }

    @Test
    void aLongRateLimitAnswerStopsTheNextCallsBeforeTheyReachTheVenue() {
        ExchangeAdapter a = adapter();
        a.serverTime();
        fault(() -> venue.faults().rateLimitNext(Duration.ofSeconds(120)));
        ExchangeException first = exchangeFailure(catchThrowable(a::balances), "a call answered with a 120 s rate limit");
        assertThat(first.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(first.retryAfter()).as("the venue's Retry-After is carried").isPresent();
        int seen = venue.requests();
        ExchangeException second = exchangeFailure(catchThrowable(a::balances), "the next call while the limit holds");
        assertThat(second.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(venue.requests()).as("requests that reached the venue while it asked us to wait").isEqualTo(seen);
    }

    @ParameterizedTest(name = "venue clock {0} ms off")
    @ValueSource(longs = {3_000, -8_000})
    void aSkewedVenueClockIsAbsorbed(long skewMillis) {
        fault(() -> venue.faults().skewClock(Duration.ofMillis(skewMillis)));
        ExchangeAdapter a = adapter();
        assertThat(a.balances()).as("a signed call with the venue's clock %s ms off", skewMillis).isNotEmpty();
        a.place(venue.restingBuy("kit-skew-1"));
        assertThat(a.lookup(venue.symbol(), "kit-skew-1")).isPresent();
    }
}
