package io.tradekit.advisor.optimize;

import io.tradekit.api.Bar;
import io.tradekit.core.BacktestResult;

import java.util.List;
import java.util.Objects;

/**
 * One walk-forward fold: the best set of its in-sample search and how that set did on the window after it.
 *
 * @param objective        what the search maximised
 * @param inSampleBest     the ranked trial with the highest objective (the earliest on a tie)
 * @param outOfSample      the same set backtested over the out-of-sample window (its {@code number} is 0)
 * @param outOfSampleRun   that backtest, for the report
 * @param outOfSampleBars  the bars that backtest ran over (the window and the warm-up bars before it)
 * @param window           the fold's in-sample and out-of-sample windows
 */
public record FoldResult(WalkForwardWindow window, Objective objective, Trial inSampleBest, Trial outOfSample, BacktestResult outOfSampleRun,
                         List<Bar> outOfSampleBars) {

    /**
     * The first bar of the out-of-sample window (the run's bars before it are its warm-up).
     *
     * @return the window's first bar
     */
    public Bar outOfSampleStart() {
        return outOfSampleBars.get(outOfSampleBars.size() - window.outOfSampleBars());
    }

    /** The out-of-sample objective below this share of a positive in-sample one is a divergence. */
    public static final double DIVERGENCE_SHARE = 0.5;

    /**
     * Checks the components and copies the bars.
     *
     * @throws NullPointerException if a component is null
     */
    public FoldResult {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(inSampleBest, "inSampleBest");
        Objects.requireNonNull(outOfSample, "outOfSample");
        Objects.requireNonNull(outOfSampleRun, "outOfSampleRun");
        outOfSampleBars = List.copyOf(outOfSampleBars);
    }

    /**
     * The in-sample objective on the footing of the out-of-sample run's length ({@link Objective#overBars}): the
     * same figure for the ratios, the return compounded to the shorter window.
     *
     * @return the comparable in-sample objective; NaN when the in-sample best has no value
     */
    public double comparableInSampleObjective() {
        long inSampleBars = inSampleBest.figures().map(TrialFigures::bars).orElse(0L);
        long outOfSampleBars = outOfSample.figures().map(TrialFigures::bars).orElse(0L);
        return objective.overBars(inSampleBest.objective(), inSampleBars, outOfSampleBars);
    }

    /**
     * Whether the out-of-sample figure diverges from the in-sample one, the sign of a set fitted to its window:
     * the (comparable, see {@link #comparableInSampleObjective()}) in-sample objective is positive and the
     * out-of-sample one is below {@value #DIVERGENCE_SHARE} of it (zero and the opposite sign included) or has no
     * value. A best set that is not positive in sample promised nothing, so nothing can diverge from it.
     *
     * @return true if the fold's best set looks fitted to its in-sample window
     */
    public boolean diverges() {
        return diverges(comparableInSampleObjective(), outOfSample.objective());
    }

    static boolean diverges(double inSample, double outOfSample) {
        if (!(inSample > 0)) return false;
        return !Double.isFinite(outOfSample) || outOfSample < DIVERGENCE_SHARE * inSample;
    }
}
