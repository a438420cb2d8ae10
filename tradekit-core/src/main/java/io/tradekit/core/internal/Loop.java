package io.tradekit.core.internal;

/**
 * Where the bot's handlers run. Live, a single thread drains an inbox; in a backtest, the driver
 * drains a queue on its own thread between bars. Either way one thread at a time owns the state.
 */
public interface Loop {

    /** Runs {@code task} on the loop, after what is already queued. Safe from any thread. */
    void execute(Runnable task);

    /** True when the caller is the loop's thread (always true in a backtest). */
    boolean inLoop();

    /**
     * Counts work that will come back to the loop (a venue call in flight) as queued until {@link #release},
     * so that "idle" means nothing is queued, running or on its way back.
     */
    default void hold() {
    }

    default void release() {
    }
}
