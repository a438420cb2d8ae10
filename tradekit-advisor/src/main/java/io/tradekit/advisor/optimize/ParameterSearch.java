package io.tradekit.advisor.optimize;

import java.util.List;
import java.util.Map;

/** A search over one fold's in-sample window: which sets to try, given what the tried ones scored. */
sealed interface ParameterSearch permits RandomSearch, CmaesSearch {

    /**
     * Tries at most {@code trials} distinct sets of {@code space} through {@code evaluator} and returns every
     * trial in the order it was asked for. The same seed gives the same sets.
     */
    List<Trial> search(SearchSpace space, int trials, long seed, TrialEvaluator evaluator);

    /** Backtests sets (in parallel) and returns their trials in the order of the sets, numbered in the order asked. */
    @FunctionalInterface
    interface TrialEvaluator {
        List<Trial> evaluate(List<Map<String, String>> sets);
    }
}
