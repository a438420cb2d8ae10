package io.tradekit.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One platform thread kept ready for venue calls. It takes a call only while it has none, so a slow call
 * never holds up another (that one goes elsewhere, see {@link VenueCalls}); between calls it waits as
 * {@link HandOffWait} does, so the usual case, one call shortly after another, starts no thread and
 * wakes none.
 */
final class WarmCaller {

    private static final Logger log = LoggerFactory.getLogger(WarmCaller.class);

    private static final long CLOSE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicReference<Runnable> next = new AtomicReference<>();
    private final AtomicBoolean free = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final BooleanSupplier hasCall = () -> next.get() != null;
    private final Thread thread;
    private final HandOffWait wait;
    private volatile boolean open = true;

    WarmCaller(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        wait = new HandOffWait(thread);
    }

    /** Hands {@code call} to the thread if it is free and open; false (and nothing taken) otherwise. */
    boolean offer(Runnable call) {
        if (!open || !free.compareAndSet(true, false)) return false;
        // started with the first call: a bot that is built and never started holds no thread
        if (!started.get() && started.compareAndSet(false, true)) thread.start();
        next.set(call);
        // Closed meanwhile and the thread already gone: take the call back, the caller runs it elsewhere.
        if (!open && next.compareAndSet(call, null)) return false;
        wait.wake();
        return true;
    }

    /** Ends the thread once its current call (and one handed to it) has run. */
    void close() {
        open = false;
        wait.wake();
    }

    private void run() {
        while (true) {
            Runnable call = next.getAndSet(null);
            if (call != null) {
                try {
                    call.run();
                } catch (Throwable e) {
                    // the thread outlives a call that failed past its own handler, or later calls would wait for ever
                    log.error("venue call failed outside its handler", e);
                } finally {
                    // a call that was interrupted leaves no mark on the next one
                    Thread.interrupted();
                    free.set(true);
                }
            } else if (!open) {
                // a call handed over just before the close is run above; one handed after it is taken back by offer
                if (next.get() == null) return;
            } else {
                wait.await(hasCall, CLOSE_CHECK_NANOS);
            }
        }
    }
}
