package io.tradekit.core.internal;

import io.tradekit.core.net.Stages;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs exchange calls off the loop and brings their outcome back onto it. Live, a call runs on a
 * {@link WarmCaller} when that thread is free (no thread start on the way to the venue) and on a new virtual
 * thread when it is busy, so calls never wait for each other; a placement that the venue can send without
 * blocking ({@link #callWithoutBlocking}) is sent from the loop itself, with no thread to wake. On a data clock
 * (a replay) calls run on one thread, in order; in a backtest inline, with the outcome queued, so the handler
 * code is the same and the run stays deterministic.
 */
public final class VenueCalls implements AutoCloseable {

    private final Loop loop;
    private final ExecutorService executor;
    private final WarmCaller warm;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    private VenueCalls(Loop loop, ExecutorService executor, WarmCaller warm) {
        this.loop = loop;
        this.executor = executor;
        this.warm = warm;
    }

    public static VenueCalls inline(Loop loop) {
        return new VenueCalls(loop, null, null);
    }

    /** Live calls for the bot {@code name}: on its warm caller thread when free, else on a virtual thread. */
    public static VenueCalls live(Loop loop, String name) {
        return new VenueCalls(loop, Executors.newVirtualThreadPerTaskExecutor(), new WarmCaller("tradekit-venue-" + name));
    }

    /**
     * Calls for the bot {@code name} on a data clock (a replay): off the loop on one thread of their own, one at a time
     * in the order the loop made them, as a backtest's inline calls are. A burst of calls (a grid laying out its ladder,
     * cancels then placements) then reaches a simulated venue in the same order in every run and in the backtest: with
     * live calls the ones made while the warm caller is busy run side by side on virtual threads, and a placement could
     * overtake the cancel or the market order that frees its funds.
     */
    public static VenueCalls ordered(Loop loop, String name) {
        return new VenueCalls(loop, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tradekit-venue-" + name);
            t.setDaemon(true);
            return t;
        }), null);
    }

    /** Calls {@code call}; then, on the loop, {@code onLoop} gets the result or the failure (exactly one is non-null). */
    public <T> void call(Supplier<T> call, BiConsumer<T, RuntimeException> onLoop) {
        begin();
        dispatch(call, onLoop);
    }

    /**
     * Live, first asks {@code start} to send without blocking, here on the loop; when it sent, its stage's outcome comes
     * back onto the loop as {@link #call}'s does, with no thread hand-off on the way to the venue. When it sent nothing
     * (empty), and always in a backtest or a replay, {@code blocking} is called as {@link #call} calls. A {@code start}
     * that throws has failed the call: {@code onLoop} gets the failure.
     */
    public <T> void callWithoutBlocking(Supplier<Optional<? extends CompletionStage<T>>> start, Supplier<T> blocking,
                                        BiConsumer<T, RuntimeException> onLoop) {
        begin();
        if (warm == null) {
            dispatch(blocking, onLoop);
            return;
        }
        Optional<? extends CompletionStage<T>> sent;
        try {
            sent = start.get();
        } catch (RuntimeException e) {
            end(null, e, onLoop);
            return;
        }
        if (sent.isEmpty()) dispatch(blocking, onLoop);
        else sent.get().whenComplete((result, failure) -> end(result, failure == null ? null : unwrapped(failure), onLoop));
    }

    /** Held until the outcome is queued: the loop is never seen idle while an answer is on its way. */
    private void begin() {
        loop.hold();
        inFlight.incrementAndGet();
    }

    private <T> void dispatch(Supplier<T> call, BiConsumer<T, RuntimeException> onLoop) {
        Runnable work = () -> {
            T result = null;
            RuntimeException failure = null;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            end(result, failure, onLoop);
        };
        if (executor == null) work.run();
        else if (warm == null || !warm.offer(work)) executor.execute(work);
    }

    private <T> void end(T result, RuntimeException failure, BiConsumer<T, RuntimeException> onLoop) {
        loop.execute(() -> onLoop.accept(result, failure));
        inFlight.decrementAndGet();
        loop.release();
    }

    /** What failed a stage, as the call itself would have thrown it. */
    private static RuntimeException unwrapped(Throwable failure) {
        Throwable cause = Stages.failure(failure);
        return cause instanceof RuntimeException r ? r
                : new IllegalStateException("the venue call failed: " + cause, cause);
    }

    /** Calls sent whose outcome has not been queued on the loop yet. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        if (executor != null) {
            if (warm != null) warm.close();
            executor.shutdown();
        }
    }
}
