package io.tradekit.advisor.optimize;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an optimisation found: every trial (fold by fold, in the order each search asked), and per fold the
 * best in-sample set with its out-of-sample figures. The {@link #best()} set is the last fold's: chosen on
 * the longest history, the one to trade next, and judged by its out-of-sample window.
 *
 * @param symbol    the bars' symbol
 * @param bars      how many bars the folds cut
 * @param elapsedMs the wall time of the whole optimisation
 * @param settings  what was searched and how
 * @param trials    every trial, fold by fold, in the order each search asked
 * @param folds     one result per fold, in fold order; at least one
 */
public record OptimizationResult(OptimizationSettings settings, String symbol, int bars, List<Trial> trials, List<FoldResult> folds,
                                 long elapsedMs) {

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException if {@code settings} or a list is null
     * @throws IllegalArgumentException if there is no fold
     */
    public OptimizationResult {
        Objects.requireNonNull(settings, "settings");
        trials = List.copyOf(trials);
        folds = List.copyOf(folds);
        if (folds.isEmpty()) throw new IllegalArgumentException("an optimisation result needs at least one fold");
    }

    /**
     * The last fold's result: its in-sample best set and that set's out-of-sample figures.
     *
     * @return the last fold's result
     */
    public FoldResult best() {
        return folds.getLast();
    }

    /**
     * The parameters of the {@link #best()} set, fixed ones included.
     *
     * @return the parameters by key, sorted, unmodifiable
     */
    public Map<String, String> bestParams() {
        return best().inSampleBest().params();
    }

    /**
     * The out-of-sample windows chained: each fold's best set traded its window, and the returns compound
     * ({@code (1 + r1) (1 + r2) ... - 1}), in percent. A fold without out-of-sample figures counts as flat.
     *
     * @return the chained return, in percent
     */
    public BigDecimal outOfSampleReturnPct() {
        BigDecimal growth = BigDecimal.ONE;
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (FoldResult f : folds) {
            BigDecimal r = f.outOfSample().figures().map(TrialFigures::returnPct).orElse(BigDecimal.ZERO);
            growth = growth.multiply(BigDecimal.ONE.add(r.divide(hundred, MathContext.DECIMAL64)), MathContext.DECIMAL64);
        }
        return growth.subtract(BigDecimal.ONE).multiply(hundred, MathContext.DECIMAL64);
    }

    /**
     * How many trials the strategy refused or could not be ranked.
     *
     * @return the number of trials whose status is not RANKED
     */
    public long unrankedTrials() {
        return trials.stream().filter(t -> !t.ranked()).count();
    }

    /**
     * One line per fold whose out-of-sample figure diverges from its in-sample one ({@link FoldResult#diverges()}).
     *
     * @return the warnings, in fold order; empty when no fold diverges
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        String objective = settings.objective().label();
        for (FoldResult f : folds) {
            if (!f.diverges()) continue;
            String inSample = figure(f.inSampleBest().objective());
            String comparable = figure(f.comparableInSampleObjective());
            warnings.add(String.format(Locale.ROOT, "fold %d: out-of-sample %s %s is below %.0f %% of the in-sample %s %s%s: "
                            + "the set %s may be fitted to its window", f.window().fold(), objective, figure(f.outOfSample().objective()),
                    FoldResult.DIVERGENCE_SHARE * 100, objective, inSample,
                    comparable.equals(inSample) ? "" : " (" + comparable + " over as many bars)", f.inSampleBest().params()));
        }
        return warnings;
    }

    /**
     * A figure as reports show it: four significant digits, {@code n/a} without a value.
     *
     * @param value a figure
     * @return its text
     */
    public static String figure(double value) {
        if (!Double.isFinite(value)) return "n/a";
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
