package io.tradekit.conformance;

import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every kit class shares: a fresh harness per test, adapters closed after it, waits that fail with
 * a message naming what was expected, and fault hooks that skip a test when the simulator lacks them.
 */
public abstract class ConformanceSupport {

    /** How long any one expected thing may take: generous, because CI machines are slow and shared. */
    protected static final Duration PATIENCE = Duration.ofSeconds(15);

    /** The current test's harness, started before each test by {@link #startVenue()} and closed after it. */
    protected VenueHarness venue;
    private final List<ExchangeAdapter> adapters = new ArrayList<>();

    /** For the kits that extend it. */
    protected ConformanceSupport() {
    }

    /**
     * A new harness over a freshly started simulator; called before each test. A venue's test class implements it.
     *
     * @return the harness, which the kit closes after the test
     */
    protected abstract VenueHarness startVenue();

    @BeforeEach
    final void startHarness() {
        venue = startVenue();
    }

    @AfterEach
    final void stopHarness() {
        for (ExchangeAdapter a : adapters) {
            try {
                a.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the simulator goes next
            }
        }
        if (venue != null) venue.close();
    }

    /**
     * A new adapter of the harness, closed after the test.
     *
     * @return the adapter, not yet connected
     */
    protected ExchangeAdapter adapter() {
        ExchangeAdapter a = venue.newAdapter();
        adapters.add(a);
        return a;
    }

    /**
     * Runs a fault hook; a hook the simulator does not offer skips the test, saying which.
     *
     * @param hook the call to one of {@link VenueFaults}' hooks
     */
    protected static void fault(Runnable hook) {
        try {
            hook.run();
        } catch (UnsupportedOperationException missing) {
            Assumptions.abort(missing.getMessage());
        }
    }

    /**
     * Reads a harness hook; a hook the harness does not offer skips the test, saying which.
     *
     * @param <T>  the hook's result type
     * @param hook the call to an optional hook, e.g. {@link VenueHarness#venueOrderQuantity(String)}
     * @return what the hook returned (the test is aborted when it is missing)
     */
    protected static <T> T hook(java.util.function.Supplier<T> hook) {
        try {
            return hook.get();
        } catch (UnsupportedOperationException missing) {
            Assumptions.abort(missing.getMessage());
            return null;
        }
    }

    /**
     * Reads a counting fault hook, e.g. {@link VenueFaults#streamConnectionAttempts()}; a hook the simulator does
     * not offer skips the test, saying which.
     *
     * @param hook the call to the counting hook
     * @return the count (the test is aborted when the hook is missing)
     */
    protected static int faultCount(java.util.function.IntSupplier hook) {
        try {
            return hook.getAsInt();
        } catch (UnsupportedOperationException missing) {
            Assumptions.abort(missing.getMessage());
            return 0;
        }
    }

    /**
     * Waits up to {@link #PATIENCE} for {@code condition}, polling every 20 ms; fails naming {@code what}.
     *
     * @param what      what is awaited, for the failure message
     * @param condition the condition to wait for
     * @throws AssertionError when the condition does not hold in time, or the wait is interrupted
     */
    protected static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what);
            }
        }
    }

    /**
     * Waits up to {@link #PATIENCE} until stream {@code stream} reported CONNECTED at least {@code times} times.
     *
     * @param log    the events the adapter posted
     * @param stream the stream's name as the adapter reports it
     * @param times  how many CONNECTED reports to wait for
     * @throws AssertionError when they do not arrive in time, listing what the adapter posted
     */
    protected static void awaitConnected(EventLog log, String stream, int times) {
        log.awaitCount("stream '" + stream + "' CONNECTED (" + times + " times)", Event.ConnectionChanged.class,
                c -> c.stream().equals(stream) && c.state() == ConnectionState.CONNECTED, times, PATIENCE);
    }
}
