package io.tradekit.advisor.optimize;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SearchMethod#CMAES}: commons-math3's CMA-ES maximising the objective over the unit cube, one axis per
 * range, bounded to [0, 1] (the optimizer repairs a point outside back onto the bounds before it is
 * evaluated; {@link RangeAxis#valueAt} clamps as well). Points that round to a set already tried get its
 * score again without a new backtest, so the trials count distinct sets. A set the strategy refuses, or one
 * whose objective has no value, scores {@value #UNRANKED_SCORE}, below any real figure. When CMA-ES stops
 * (converged, or no progress) before the trials are spent, it starts again from a new random point.
 */
final class CmaesSearch implements ParameterSearch {

    /** The score of a trial that cannot be ranked: far below any Sharpe, return or Calmar figure. */
    static final double UNRANKED_SCORE = -1e9;
    /** The initial step, a share of each axis: wide enough to explore, small enough to stay mostly inside. */
    private static final double SIGMA = 0.3;
    /** Evaluations (repeats of tried sets included) allowed per trial: ends a search in a space with few sets. */
    private static final int MAX_EVALUATIONS_PER_TRIAL = 50;
    private static final int MAX_GENERATIONS = 10_000;

    @Override
    public List<Trial> search(SearchSpace space, int trials, long seed, TrialEvaluator evaluator) {
        if (space.size() <= trials) return evaluator.evaluate(space.every());
        RandomGenerator random = new MersenneTwister(seed);
        Map<Map<String, String>, Trial> tried = new HashMap<>();
        List<Trial> inOrder = new ArrayList<>();
        ObjectiveFunction objective = new ObjectiveFunction(point -> {
            Map<String, String> set = space.at(point);
            Trial trial = tried.get(set);
            if (trial == null) {
                if (tried.size() >= trials) throw new TooManyEvaluationsException(trials);
                trial = evaluator.evaluate(List.of(set)).getFirst();
                tried.put(set, trial);
                inOrder.add(trial);
            }
            return trial.ranked() ? trial.objective() : UNRANKED_SCORE;
        });
        int d = space.dimensions();
        double[] sigma = new double[d];
        Arrays.fill(sigma, SIGMA);
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        int population = 4 + (int) Math.floor(3 * Math.log(d));
        long evaluationsLeft = (long) trials * MAX_EVALUATIONS_PER_TRIAL;
        while (tried.size() < trials && evaluationsLeft > 0) {
            double[] start = new double[d];
            for (int i = 0; i < d; i++) start[i] = random.nextDouble();
            CMAESOptimizer cmaes = new CMAESOptimizer(MAX_GENERATIONS, 0, true, 0, 0, random, false, null);
            try {
                cmaes.optimize(new MaxEval((int) Math.min(Integer.MAX_VALUE, evaluationsLeft)), objective, GoalType.MAXIMIZE,
                        new InitialGuess(start), new SimpleBounds(new double[d], ones), new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(population));
            } catch (TooManyEvaluationsException spent) {
                // The trials (or the evaluations) ran out at the start point, before CMA-ES's own loop could catch it.
            }
            evaluationsLeft -= Math.max(1, cmaes.getEvaluations());
        }
        return inOrder;
    }
}
