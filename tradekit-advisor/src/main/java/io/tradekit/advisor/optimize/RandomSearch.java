package io.tradekit.advisor.optimize;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link SearchMethod#RANDOM}: uniform draws of the unit cube, duplicates dropped, all asked for at once. */
final class RandomSearch implements ParameterSearch {

    /** Draws allowed per trial before giving up on finding new sets (a space barely larger than the trials). */
    private static final int MAX_DRAWS_PER_TRIAL = 100;

    @Override
    public List<Trial> search(SearchSpace space, int trials, long seed, TrialEvaluator evaluator) {
        if (space.size() <= trials) return evaluator.evaluate(space.every());
        RandomGenerator random = new MersenneTwister(seed);
        Set<Map<String, String>> sets = new LinkedHashSet<>();
        for (long draws = 0; sets.size() < trials && draws < (long) trials * MAX_DRAWS_PER_TRIAL; draws++) {
            double[] point = new double[space.dimensions()];
            for (int i = 0; i < point.length; i++) point[i] = random.nextDouble();
            sets.add(space.at(point));
        }
        return evaluator.evaluate(new ArrayList<>(sets));
    }
}
