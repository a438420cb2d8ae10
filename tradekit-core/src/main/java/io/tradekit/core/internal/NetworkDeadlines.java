package io.tradekit.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deadlines of the network (how long an order may wait for its answer, when to look an order up again):
 * wall time, never timers on the market-data clock, so a replayed minute bar cannot time out an order that
 * the venue answered a millisecond ago. A due deadline runs its work on the loop. In a backtest the venue
 * answers inline, so no answer is ever late: nothing waits on the wall clock and a follow-up (a lookup) is
 * queued on the loop at once.
 *
 * <p>On the wall clock, the deadlines of a bot are a queue that only its loop touches, and one ticker thread,
 * shared by every bot in the JVM, looks at the clock every {@link #RESOLUTION} while any bot waits for one:
 * when the earliest is due it asks that loop to run the due ones. So an order's deadline costs no thread
 * wake-up when it is set, and none when its answer cancels it (an order answered in time, the usual case,
 * leaves nothing behind). A network deadline is seconds long, so running it up to one resolution late
 * changes nothing.
 */
public final class NetworkDeadlines implements AutoCloseable {

    /** How often the shared ticker looks at the wall clock while a deadline waits. */
    public static final Duration RESOLUTION = Duration.ofMillis(20);

    /** One deadline; {@link #cancel()} it, on the loop, when what it waited for came. */
    public interface Deadline {
        /** The deadline will not run (nothing happens if it ran already). */
        void cancel();
    }

    private static final Deadline NONE = () -> { };

    private final Loop loop;
    private final boolean onWallClock;
    /** Waiting deadlines, earliest first; the loop's alone. */
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>();
    private long sequence;
    /** When the earliest waiting deadline is due ({@link System#nanoTime()}), for the ticker; valid while {@link #any}. */
    private volatile long earliestDue;
    private volatile boolean any;
    private volatile boolean closed;
    /** A sweep is on the loop's queue already: the ticker does not post another. */
    private final AtomicBoolean sweepPosted = new AtomicBoolean();

    private NetworkDeadlines(Loop loop, boolean onWallClock) {
        this.loop = loop;
        this.onWallClock = onWallClock;
    }

    /** For a venue that answers inline (backtests): nothing waits on the wall clock. */
    public static NetworkDeadlines inline(Loop loop) {
        return new NetworkDeadlines(loop, false);
    }

    /** Wall-clock deadlines for the bot that owns {@code loop}. */
    public static NetworkDeadlines wallClock(Loop loop) {
        NetworkDeadlines deadlines = new NetworkDeadlines(loop, true);
        Ticker.SHARED.watch(deadlines);
        return deadlines;
    }

    /** Whether answers can be late at all (false when the venue answers inline). */
    public boolean onWallClock() {
        return onWallClock;
    }

    /**
     * Runs {@code work} on the loop once {@code delay} of wall time has passed (at once, queued, when inline).
     * Called on the loop.
     *
     * @return the deadline, to cancel when what it waits for comes first
     */
    public Deadline after(Duration delay, Runnable work) {
        assert loop.inLoop() : "network deadlines are set on the bot's loop";
        if (!onWallClock) {
            loop.execute(work);
            return NONE;
        }
        if (closed) return NONE;
        Waiting deadline = new Waiting(System.nanoTime() + delay.toNanos(), sequence++, work);
        waiting.add(deadline);
        published();
        Ticker.SHARED.arm();
        return deadline;
    }

    /** Runs the deadlines that are due, on the loop, in the order they fall due. */
    private void runDue() {
        sweepPosted.set(false);
        long now = System.nanoTime();
        Waiting next;
        while (!closed && (next = waiting.peek()) != null && next.due - now <= 0) {
            waiting.poll();
            published();
            next.work.run();
        }
    }

    /** Makes the earliest deadline visible to the ticker. */
    private void published() {
        Waiting first = waiting.peek();
        if (first != null) earliestDue = first.due;
        any = first != null;
    }

    /** From the ticker: posts a run of the due deadlines to the loop if one is due; whether any deadline waits. */
    private boolean tick(long now) {
        if (closed || !any) return false;
        if (earliestDue - now <= 0 && sweepPosted.compareAndSet(false, true)) loop.execute(this::runDue);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        any = false;
        if (onWallClock) Ticker.SHARED.unwatch(this);
    }

    private final class Waiting implements Comparable<Waiting>, Deadline {
        final long due;
        final long order;
        final Runnable work;

        Waiting(long due, long order, Runnable work) {
            this.due = due;
            this.order = order;
            this.work = work;
        }

        @Override
        public int compareTo(Waiting other) {
            int byDue = Long.compare(due - other.due, 0);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            assert loop.inLoop() : "network deadlines are cancelled on the bot's loop";
            if (waiting.remove(this)) published();
        }
    }

    /**
     * The one thread that watches the wall clock for every bot's deadlines. It ticks only while some deadline
     * waits: the first deadline after a quiet spell arms it (one wake-up), and a tick that finds none waiting
     * lets it rest.
     */
    private static final class Ticker {

        private static final Logger log = LoggerFactory.getLogger(NetworkDeadlines.class);
        static final Ticker SHARED = new Ticker();

        private final Set<NetworkDeadlines> watched = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean armed = new AtomicBoolean();
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradekit-deadlines");
            t.setDaemon(true);
            return t;
        });

        void watch(NetworkDeadlines deadlines) {
            watched.add(deadlines);
        }

        void unwatch(NetworkDeadlines deadlines) {
            watched.remove(deadlines);
        }

        /** Makes sure a tick is coming. */
        void arm() {
            if (!armed.get() && armed.compareAndSet(false, true)) schedule();
        }

        private void schedule() {
            clock.schedule(this::tick, RESOLUTION.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void tick() {
            long now = System.nanoTime();
            boolean waiting = false;
            for (NetworkDeadlines deadlines : watched) {
                try {
                    waiting |= deadlines.tick(now);
                } catch (RuntimeException e) {
                    // one bot's failure never stops the clock of the others
                    log.error("network deadlines of a bot could not be looked at", e);
                    waiting = true;
                }
            }
            if (waiting) {
                schedule();
                return;
            }
            armed.set(false);
            // a deadline set after the look above and before the flag fell would wait for nobody: look once more
            for (NetworkDeadlines deadlines : watched) {
                if (deadlines.any) {
                    arm();
                    return;
                }
            }
        }
    }
}
