package io.tradekit.core;

/** Told how far a long run has come; called on the run's thread, so it must be quick. */
@FunctionalInterface
public interface ProgressListener {

    void progress(long done, long total);

    ProgressListener NONE = (done, total) -> { };
}
