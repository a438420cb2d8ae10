package io.tradekit.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live loop: one platform thread drains an unbounded inbox. A task that throws is reported to
 * {@code onFailure} and the loop goes on; nothing else ever runs the bot's handlers.
 */
public final class ThreadLoop implements Loop {

    private static final Logger log = LoggerFactory.getLogger(ThreadLoop.class);
    private static final Runnable POISON = () -> { };

    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Consumer<RuntimeException> onFailure;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    public ThreadLoop(String name, Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "tradekit-loop-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void execute(Runnable task) {
        if (running) {
            pending.incrementAndGet();
            inbox.add(task);
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
        if (inLoop()) return;
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Runnable task;
            try {
                task = inbox.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                if (!running) return;
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
