package io.tradekit.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs exchange calls off the loop and brings their outcome back onto it. Live, each call runs on a
 * virtual thread; in a backtest it runs inline and its outcome is queued, so the handler code is the
 * same and the run stays deterministic.
 */
public final class VenueCalls implements AutoCloseable {

    private final Loop loop;
    private final ExecutorService executor;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    private VenueCalls(Loop loop, ExecutorService executor) {
        this.loop = loop;
        this.executor = executor;
    }

    public static VenueCalls inline(Loop loop) {
        return new VenueCalls(loop, null);
    }

    public static VenueCalls onVirtualThreads(Loop loop) {
        return new VenueCalls(loop, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Calls {@code call}; then, on the loop, {@code onLoop} gets the result or the failure (exactly one is non-null). */
    public <T> void call(Supplier<T> call, BiConsumer<T, RuntimeException> onLoop) {
        Runnable work = () -> {
            T result = null;
            RuntimeException failure = null;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            T r = result;
            RuntimeException f = failure;
            loop.execute(() -> onLoop.accept(r, f));
            inFlight.decrementAndGet();
            loop.release();
        };
        // Held until the outcome is queued: the loop is never seen idle while an answer is on its way.
        loop.hold();
        inFlight.incrementAndGet();
        if (executor == null) work.run();
        else executor.execute(work);
    }

    /** Calls sent whose outcome has not been queued on the loop yet. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdown();
    }
}
