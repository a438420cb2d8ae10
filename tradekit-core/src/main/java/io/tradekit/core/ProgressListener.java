package io.tradekit.core;

/** Told how far a long run has come; called on the run's thread, so it must be quick. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Reports progress.
     *
     * @param done how many units of work (bars, trials) are done so far
     * @param total how many units the run has in all
     */
    void progress(long done, long total);

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };
}
