package io.tradekit.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The live loop: one platform thread drains an unbounded inbox in the order tasks were posted. A task
 * that throws is reported to {@code onFailure} and the loop goes on; nothing else ever runs the bot's
 * handlers. Between tasks the thread waits as {@link HandOffWait} does: a task posted soon after the
 * last one (a frame's order coming back, the next frame of a burst) is taken without a thread wake-up.
 */
public final class ThreadLoop implements Loop {

    private static final Logger log = LoggerFactory.getLogger(ThreadLoop.class);
    private static final Runnable POISON = () -> { };

    private static final long STOP_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final HandOffWait idle;
    private final BooleanSupplier hasTask = () -> !inbox.isEmpty();
    private final Consumer<RuntimeException> onFailure;
    private volatile boolean running = true;
    private final AtomicInteger pending = new AtomicInteger();

    public ThreadLoop(String name, Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "tradekit-loop-" + name);
        this.thread.setDaemon(true);
        this.idle = new HandOffWait(thread);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void execute(Runnable task) {
        if (running) {
            pending.incrementAndGet();
            inbox.add(task);
            idle.wake();
        }
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** The loop was stopped and its thread has ended (or never started). */
    public boolean isStopped() {
        return !running && !thread.isAlive();
    }

    @Override
    public void hold() {
        pending.incrementAndGet();
    }

    @Override
    public void release() {
        pending.decrementAndGet();
    }

    /** No task is queued or running, and no venue call is on its way back. */
    public boolean isIdle() {
        return pending.get() == 0;
    }

    /** Stops after the tasks already queued; waits up to {@code timeoutMs} for the thread. */
    public void stop(long timeoutMs) {
        inbox.add(POISON);
        running = false;
        idle.wake();
        if (inLoop()) return;
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Runnable task = inbox.poll();
            if (task == null) {
                idle.await(hasTask, STOP_CHECK_NANOS);
                if (thread.isInterrupted() || (!running && inbox.isEmpty())) return;
                continue;
            }
            if (task == POISON) return;
            try {
                task.run();
                pending.decrementAndGet();
            } catch (RuntimeException e) {
                pending.decrementAndGet();
                log.error("bot loop task failed", e);
                try {
                    onFailure.accept(e);
                } catch (RuntimeException nested) {
                    log.error("failure handler failed", nested);
                }
            }
        }
    }
}
