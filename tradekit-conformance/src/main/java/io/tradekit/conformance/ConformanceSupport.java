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

    protected VenueHarness venue;
    private final List<ExchangeAdapter> adapters = new ArrayList<>();

    /** A new harness over a freshly started simulator. */
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

    /** A new adapter of the harness, closed after the test. */
    protected ExchangeAdapter adapter() {
        ExchangeAdapter a = venue.newAdapter();
        adapters.add(a);
        return a;
    }

    /** Runs a fault hook; a hook the simulator does not offer skips the test, saying which. */
    protected static void fault(Runnable hook) {
        try {
            hook.run();
        } catch (UnsupportedOperationException missing) {
            Assumptions.abort(missing.getMessage());
        }
    }

    /** Reads a harness hook; a hook the harness does not offer skips the test, saying which. */
    protected static <T> T hook(java.util.function.Supplier<T> hook) {
        try {
            return hook.get();
        } catch (UnsupportedOperationException missing) {
            Assumptions.abort(missing.getMessage());
            return null;
        }
    }

    protected static int faultCount(java.util.function.IntSupplier hook) {
        try {
            return hook.getAsInt();
        } catch (UnsupportedOperationException missing) {
            Assumptions.abort(missing.getMessage());
            return 0;
        }
    }

    /** Waits for {@code condition}; fails naming {@code what}. */
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

    /** Waits until stream {@code stream} reported CONNECTED at least {@code times} times. */
    protected static void awaitConnected(EventLog log, String stream, int times) {
        log.awaitCount("stream '" + stream + "' CONNECTED (" + times + " times)", Event.ConnectionChanged.class,
                c -> c.stream().equals(stream) && c.state() == ConnectionState.CONNECTED, times, PATIENCE);
    }
}
