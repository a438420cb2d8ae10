package io.tradekit.core.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of the network (how long an order may wait for its answer, when to look an order up again):
 * wall time, on a scheduler of their own, never timers on the market-data clock, so a replayed minute
 * bar cannot time out an order that the venue answered a millisecond ago. A due deadline runs its work
 * on the loop. In a backtest the venue answers inline, so no answer is ever late: there is no scheduler
 * and a follow-up (a lookup) is queued on the loop at once.
 */
public final class NetworkDeadlines implements AutoCloseable {

    private final Loop loop;
    private final ScheduledExecutorService scheduler;

    private NetworkDeadlines(Loop loop, ScheduledExecutorService scheduler) {
        this.loop = loop;
        this.scheduler = scheduler;
    }

    /** For a venue that answers inline (backtests): nothing waits on the wall clock. */
    public static NetworkDeadlines inline(Loop loop) {
        return new NetworkDeadlines(loop, null);
    }

    /** Wall-clock deadlines on one daemon thread named after the bot. */
    public static NetworkDeadlines wallClock(Loop loop, String botId) {
        return new NetworkDeadlines(loop, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradekit-deadlines-" + botId);
            t.setDaemon(true);
            return t;
        }));
    }

    /** Whether answers can be late at all (false when the venue answers inline). */
    public boolean onWallClock() {
        return scheduler != null;
    }

    /** Runs {@code work} on the loop once {@code delay} of wall time has passed (at once, queued, when inline). */
    public void after(Duration delay, Runnable work) {
        if (scheduler == null) {
            loop.execute(work);
            return;
        }
        if (scheduler.isShutdown()) return;
        try {
            scheduler.schedule(() -> loop.execute(work), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the bot is shutting down: nothing waits for this answer any more
        }
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
