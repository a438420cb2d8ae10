package io.tradekit.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Work due at a clock time. The engine calls {@link #runDue} whenever its clock moves (every bar in a
 * backtest, a few times a second live), so timers follow data time in a backtest and wall time live.
 */
final class Timers {

    private record Due(Instant at, long seq, Runnable task) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private long seq;

    void schedule(Instant at, Runnable task) {
        queue.add(new Due(at, ++seq, task));
    }

    void scheduleAfter(Instant now, Duration delay, Runnable task) {
        schedule(now.plus(delay), task);
    }

    void runDue(Instant now) {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) queue.poll().task().run();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
