package io.tradekit.core.internal;

import java.util.ArrayDeque;

/** The backtest loop: tasks queue up and the driver runs them on its own thread, in order, with no hop. */
public final class DirectLoop implements Loop {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        queue.addLast(task);
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    /** Runs queued tasks, and those they queue, until none is left. */
    public void drain() {
        Runnable task;
        while ((task = queue.pollFirst()) != null) task.run();
    }
}
