package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GridHeuristicTest {

    private static final BigDecimal TEN_BPS = BigDecimal.TEN;
    private static final Instrument STRICT = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            new BigDecimal("0.001"), new BigDecimal("5"));

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Closes alternating 100, 101, 100 ...; every bar spans exactly 2 (open +- 0.5 beyond the move). */
    private static List<Bar> alternating(int count) {
        List<Bar> out = new ArrayList<>();
        BigDecimal prev = d("101");
        for (int i = 0; i < count; i++) {
            BigDecimal close = i % 2 == 0 ? d("100") : d("101");
            out.add(new Bar("BTCUSDT", Timeframe.M1, PricePath.T0.plusSeconds(60L * i), prev, prev.max(close).add(d("0.5")),
                    prev.min(close).subtract(d("0.5")), close, BigDecimal.ONE));
            prev = close;
        }
        return out;
    }

    @Test
    void volatilityOfAnAlternatingSeriesIsItsLogStepAndItsAtrIsTheBarSpan() {
        VolatilityEstimate v = VolatilityEstimator.estimate(alternating(101));
        // 100 returns of +-ln(1.01), mean 0: sample deviation ln(1.01) * sqrt(100 / 99)
        assertThat(v.perBarStdDev()).isCloseTo(Math.log(1.01) * Math.sqrt(100.0 / 99.0), within(1e-15));
        // every true range is 2; the last close is 100
        assertThat(v.atrFraction()).isCloseTo(0.02, within(1e-15));
        assertThat(v.bars()).isEqualTo(101);
    }

    @Test
    void volatilityOfARandomWalkOfKnownSigmaIsFoundWithinSamplingError() {
        for (double sigma : new double[] {0.002, 0.01}) {
            VolatilityEstimate v = VolatilityEstimator.estimate(PricePath.randomWalk(20_000, sigma, 11));
            // 20 000 returns: the relative standard error of a deviation is about 1 / sqrt(2 * 20 000) = 0.5 %
            assertThat(v.perBarStdDev()).isCloseTo(sigma, within(sigma * 0.03));
        }
    }

    @Test
    void aVolatilityEstimateNeedsThreeBars() {
        assertThatThrownBy(() -> VolatilityEstimator.estimate(alternating(2))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 3 bars");
    }

    @Test
    void spacingCrossesALevelEveryFewBarsButNeverBelowFourMakerFees() {
        GridHeuristic h = GridHeuristic.standard();
        // 0.5 % per bar, a level every 4 bars: 0.5 % * sqrt(4) = 1.00 %
        assertThat(h.spacingPercent(new VolatilityEstimate(0.005, 0, 100), TEN_BPS)).isEqualByComparingTo("1.00");
        // 0.1 % per bar would give 0.2 %, below 4 * 0.1 % of fees
        assertThat(h.spacingPercent(new VolatilityEstimate(0.001, 0, 100), TEN_BPS)).isEqualByComparingTo("0.40");
        // rounded up to 0.01 %: 0.00123 * 2 = 0.246 %
        assertThat(h.spacingPercent(new VolatilityEstimate(0.00123, 0, 100), BigDecimal.ZERO)).isEqualByComparingTo("0.25");
    }

    @Test
    void levelsCoverTwoSigmaOfTheHorizonsMove() {
        GridHeuristic h = GridHeuristic.standard();
        // 2 * 0.5 % * sqrt(1440) = 37.947 % at 1 % a level -> 38
        assertThat(h.levelsPerSide(new VolatilityEstimate(0.005, 0, 100), d("1.00"))).isEqualTo(38);
        // 2 * 0.1 % * sqrt(1440) = 7.589 % at 0.4 % -> 18.97 -> 19
        assertThat(h.levelsPerSide(new VolatilityEstimate(0.001, 0, 100), d("0.40"))).isEqualTo(19);
        // capped at 50
        assertThat(h.levelsPerSide(new VolatilityEstimate(0.05, 0, 100), d("1.00"))).isEqualTo(50);
    }

    @Test
    void aProposalSplitsTheBudgetOverBothSides() {
        GridProposal p = GridHeuristic.standard().propose(new VolatilityEstimate(0.005, 0, 100), d("100"), d("10000"), TEN_BPS, STRICT);
        assertThat(p.spacingPercent()).isEqualByComparingTo("1.00");
        assertThat(p.levelsPerSide()).isEqualTo(38);
        assertThat(p.quotePerLevel()).isEqualByComparingTo("131.57");   // 10000 / 76, rounded down
    }

    @Test
    void aSmallBudgetGetsFewerLevelsSoThatEachMeetsTheMinimumNotional() {
        GridProposal p = GridHeuristic.standard().propose(new VolatilityEstimate(0.005, 0, 100), d("100"), d("100"), TEN_BPS, STRICT);
        // 10 a side would give 5.00 a level, 0.0555 BTC at the lowest level 90: 4.995, below 5; 9 a side gives 5.55
        assertThat(p.levelsPerSide()).isEqualTo(9);
        assertThat(p.quotePerLevel()).isEqualByComparingTo("5.55");
    }

    @Test
    void aBudgetTooSmallForOneLevelIsRefusedNamingTheBudget() {
        assertThatThrownBy(() -> GridHeuristic.standard().propose(new VolatilityEstimate(0.005, 0, 100), d("100"), d("8"), TEN_BPS, STRICT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'budget' 8 USDT is too small");
    }

    @Test
    void aGridWithoutSpacingLevelsOrBudgetTakesThemFromTheHeuristicOnItsWarmupBars() {
        List<Bar> bars = PricePath.randomWalk(400, 0.004, 5);
        GridStrategy grid = new GridStrategy(GridSettings.builder().build());
        assertThat(grid.warmupBars()).isEqualTo(100);
        io.tradekit.core.TradeKit.backtest().bars(bars).instrument(STRICT).strategy(grid).cash(d("10000")).run();

        GridHeuristic h = GridHeuristic.standard();
        VolatilityEstimate v = VolatilityEstimator.estimate(bars.subList(0, 100));
        BigDecimal spacing = h.spacingPercent(v, TEN_BPS);
        GridSettings config = grid.config().orElseThrow();
        assertThat(config.spacing().orElseThrow()).isEqualByComparingTo(spacing);
        assertThat(config.spacingUnit()).isEqualTo(SpacingUnit.PERCENT);
        assertThat(config.levelsDown().getAsInt()).isEqualTo(h.levelsPerSide(v, spacing));
        assertThat(config.sizing().orElseThrow()).isEqualTo(LevelSizing.budget(d("9500.00"), SizeMode.QUOTE));  // 95 % of the cash
        assertThat(config.center().orElseThrow()).isEqualByComparingTo(bars.get(99).close());
    }
}
