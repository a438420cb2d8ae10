package io.tradekit.advisor.optimize;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.core.Plugins;
import io.tradekit.core.ProgressListener;
import io.tradekit.core.paper.FillModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerTest {

    static final Plugins PLUGINS = Plugins.discover(OptimizerTest.class.getClassLoader()).register(new BandStrategy.Provider());
    /** No fee, so that a cycle earns exactly sellAbove / buyBelow. */
    static final BacktestSettings NO_FEE = new BacktestSettings(new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO, FillModel.CLOSE);

    static SearchSpace band(String buyBelow, String sellAbove) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("buyBelow", buyBelow);
        params.put("sellAbove", sellAbove);
        return SearchSpace.parse(params);
    }

    static OptimizationSettings settings(SearchSpace space) {
        return OptimizationSettings.of(BandStrategy.NAME, space).withObjective(Objective.RETURN).withBacktest(NO_FEE).withThreads(2);
    }

    @Test
    void findsTheSetThatIsBestByConstructionInEveryFold() {
        // 25 sets (90..94 x 106..110) and 25 trials: each set is tried once. On the triangle wave a cycle earns
        // sellAbove / buyBelow, most with 90 / 110 (22.2 % a cycle); 240 bars, 2 folds: blocks of 80 bars,
        // fold 1 [0, 80) -> [80, 160), fold 2 [0, 160) -> [160, 240).
        List<Bar> bars = TriangleBars.of(240);
        AtomicLong lastProgress = new AtomicLong();
        OptimizationResult result = new Optimizer(PLUGINS).run(bars, settings(band("90..94", "106..110")).withTrials(25).withFolds(2),
                (done, total) -> lastProgress.set(done * 1000 + total));

        assertThat(result.trials()).hasSize(50);
        assertThat(result.folds()).hasSize(2);
        for (FoldResult fold : result.folds()) {
            assertThat(fold.inSampleBest().params()).containsEntry("buyBelow", "90").containsEntry("sellAbove", "110");
            // Out of sample the same set still buys the troughs and sells the tops: 80 bars from a top hold the same
            // path as fold 1's in-sample window below, 48.02 %.
            assertThat(fold.outOfSample().figures().orElseThrow().returnPct().doubleValue())
                    .isCloseTo(48.0247, org.assertj.core.api.Assertions.within(0.001));
            assertThat(fold.diverges()).isFalse();
        }
        assertThat(result.bestParams()).isEqualTo(Map.of("buyBelow", "90", "sellAbove", "110"));
        assertThat(result.warnings()).isEmpty();
        // 2 folds x (25 trials + 1 out-of-sample check) = 52 backtests, the last report at 52 of 52.
        assertThat(lastProgress.get()).isEqualTo(52 * 1000 + 52);
        // Fold 1's in-sample bars 0..79 close at 110 - i (i <= 20), 70 + i (i <= 40), 150 - i (i <= 60), 30 + i: the set buys
        // everything at bar 20's 90, sells at bar 40's 110, buys again at bar 60's 90 and is marked at bar 79's 109.
        // Without a fee: (110 / 90) * (109 / 90) - 1 = 1.222222 * 1.211111 - 1 = 48.0247 %.
        assertThat(result.folds().getFirst().inSampleBest().figures().orElseThrow().returnPct().doubleValue())
                .isCloseTo(48.0247, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void theSameSeedGivesTheSameTrialsWhateverTheThreadsAndAnotherSeedOthers() {
        List<Bar> bars = TriangleBars.of(240);
        OptimizationSettings s = settings(band("80..99", "101..130")).withTrials(30).withFolds(2).withSeed(7);
        OptimizationResult one = new Optimizer(PLUGINS).run(bars, s.withThreads(1), ProgressListener.NONE);
        OptimizationResult three = new Optimizer(PLUGINS).run(bars, s.withThreads(3), ProgressListener.NONE);
        OptimizationResult other = new Optimizer(PLUGINS).run(bars, s.withSeed(8), ProgressListener.NONE);

        assertThat(summary(three.trials())).isEqualTo(summary(one.trials()));
        assertThat(three.bestParams()).isEqualTo(one.bestParams());
        assertThat(OptimizationReport.of(three).trialsCsv()).isEqualTo(OptimizationReport.of(one).trialsCsv());
        assertThat(other.trials().stream().map(Trial::params).toList()).isNotEqualTo(one.trials().stream().map(Trial::params).toList());
        // Within a fold every set is tried once.
        for (int fold = 1; fold <= 2; fold++) {
            int f = fold;
            assertThat(one.trials().stream().filter(t -> t.fold() == f).map(Trial::params)).hasSize(30).doesNotHaveDuplicates();
        }
    }

    @Test
    void cmaesStaysWithinTheBoundsAndIsReproducible() {
        // 20 x 30 = 600 sets, 40 trials a fold: CMA-ES must search, and every set it asks for lies in the ranges.
        List<Bar> bars = TriangleBars.of(240);
        SearchSpace space = band("80..99", "101..130");
        OptimizationSettings s = settings(space).withSearch(SearchMethod.CMAES).withTrials(40).withFolds(2).withSeed(3);
        OptimizationResult result = new Optimizer(PLUGINS).run(bars, s, ProgressListener.NONE);
        OptimizationResult again = new Optimizer(PLUGINS).run(bars, s.withThreads(1), ProgressListener.NONE);

        assertThat(result.trials()).isNotEmpty().allSatisfy(t -> {
            assertThat(space.ranges().get(0).contains(new BigDecimal(t.params().get("buyBelow")))).as("%s", t.params()).isTrue();
            assertThat(space.ranges().get(1).contains(new BigDecimal(t.params().get("sellAbove")))).as("%s", t.params()).isTrue();
        });
        for (int fold = 1; fold <= 2; fold++) {
            int f = fold;
            assertThat(result.trials().stream().filter(t -> t.fold() == f).map(Trial::params)).hasSize(40).doesNotHaveDuplicates();
        }
        assertThat(summary(again.trials())).isEqualTo(summary(result.trials()));
        // Any set that buys at or below the troughs' 90 and sells at or above... the tops' 110 never sells: the best
        // found buys and sells inside the wave, and earns.
        assertThat(result.best().inSampleBest().objective()).isGreaterThan(0);
    }

    @Test
    void aSetTheStrategyRefusesIsAnInvalidTrialNotACrash() {
        // buyBelow 100..105 against sellAbove 100..104: every set with buyBelow >= sellAbove is refused by the strategy.
        List<Bar> bars = TriangleBars.of(240);
        OptimizationResult result = new Optimizer(PLUGINS).run(bars, settings(band("100..105", "100..104")).withTrials(30).withFolds(2),
                ProgressListener.NONE);

        // 6 x 5 = 30 sets a fold, of which buyBelow < sellAbove holds for 4 + 3 + 2 + 1 = 10: 20 refused a fold.
        assertThat(result.trials().stream().filter(t -> t.status() == Trial.Status.INVALID)).hasSize(40)
                .allSatisfy(t -> assertThat(t.problem()).contains("must be below 'sellAbove'"));
        assertThat(result.best().inSampleBest().params()).containsEntry("buyBelow", "100").containsEntry("sellAbove", "104");
    }

    @Test
    void anUnknownParameterIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> new Optimizer(PLUGINS).run(TriangleBars.of(240),
                settings(SearchSpace.parse(Map.of("buyBelow", "90..95", "stop", "2"))), ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter 'stop'")
                .hasMessageContaining("buyBelow, sellAbove");
    }

    @Test
    void aFoldDivergesWhenOutOfSampleFallsBelowHalfOfAPositiveInSampleFigure() {
        assertThat(FoldResult.diverges(1.0, 0.6)).isFalse();
        assertThat(FoldResult.diverges(1.0, 0.4)).isTrue();
        assertThat(FoldResult.diverges(1.0, -0.1)).isTrue();
        assertThat(FoldResult.diverges(1.0, Double.NaN)).isTrue();
        assertThat(FoldResult.diverges(-1.0, -3.0)).as("a best set that promised nothing cannot diverge").isFalse();
    }

    private static List<String> summary(List<Trial> trials) {
        List<String> lines = new ArrayList<>();
        for (Trial t : trials) lines.add(t.fold() + "/" + t.number() + " " + t.params() + " " + t.status() + " " + t.objective());
        return lines;
    }
}
