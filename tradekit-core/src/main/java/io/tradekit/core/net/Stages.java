package io.tradekit.core.net;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What the stages of calls sent without blocking ({@link java.util.concurrent.CompletableFuture}) need in common. */
public final class Stages {

    private Stages() {
    }

    /**
     * The exception a stage failed with, as the call itself threw it: a dependent stage hands its failure on wrapped in a
     * {@link CompletionException} (and {@code get} in an {@link ExecutionException}), which are taken off here.
     *
     * @param failure what the stage's handler or {@code get} was given
     * @return the failure without its wrappers; {@code failure} itself when it is not wrapped
     */
    public static Throwable failure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
