package io.tradekit.core.internal;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a thread that is handed work by other threads waits for the next piece: it spins for a while,
 * then parks until a producer wakes it. Work that arrives within the spin is taken without a wake-up
 * (a park/unpark costs tens of microseconds, more on a busy machine); work that arrives later pays one.
 * Producers publish their work first, then call {@link #wake()}, which unparks only a thread that is
 * parked (or about to park), so a hand-off to a spinning thread makes no system call.
 *
 * <p>The spin is short and adapts, as a JVM's adaptive locks do: it lasts up to {@link #MAX_SPIN_NANOS}
 * while the work keeps coming within that (the events of one burst: a frame, its order, the order's
 * answer), and halves each time the wait was longer, down to none, so that a thread whose work comes
 * rarely, or late because the machine is busy, just parks. On a busy two-core machine a spinning thread
 * takes the core the producer needs and, runnable all the time, loses the scheduler's preference for a
 * thread that wakes: measured there (BinanceFrameToOrderBenchmark, load 15-20), spins of 20-100 us with
 * yields made the median several times slower than parking at once, hence the cap.
 */
final class HandOffWait {

    /** The longest a waiting thread spins before it parks. */
    static final long MAX_SPIN_NANOS = 10_000;

    private final Thread owner;
    private volatile boolean parked;
    /** How long the next wait spins; read and written by the owner only. */
    private long spinNanos = MAX_SPIN_NANOS;

    /** A wait for {@code owner}, the only thread that calls {@link #await}. */
    HandOffWait(Thread owner) {
        this.owner = owner;
    }

    /**
     * Returns once {@code ready} holds or after up to {@code maxParkNanos} parked (so that the owner can
     * look at other conditions, such as a stop, now and then).
     */
    void await(BooleanSupplier ready, long maxParkNanos) {
        long start = System.nanoTime();
        long spinUntil = start + spinNanos;
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() - spinUntil < 0) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            // Looked at again after announcing the park: a producer that published before seeing
            // parked is caught here, one that published after it sees parked and unparks.
            if (!ready.getAsBoolean()) LockSupport.parkNanos(this, maxParkNanos);
            parked = false;
            if (!ready.getAsBoolean()) return;
            break;
        }
        adapt(System.nanoTime() - start);
    }

    /** After work arrived {@code waited} ns into a wait: spin long enough for such a gap next time, or less if it was long. */
    private void adapt(long waited) {
        if (waited <= spinNanos) return;
        spinNanos = waited <= MAX_SPIN_NANOS ? Math.min(MAX_SPIN_NANOS, 2 * waited) : spinNanos / 2;
    }

    /** Called by a producer after it published work: unparks the owner if it is parked. */
    void wake() {
        if (parked) LockSupport.unpark(owner);
    }
}
