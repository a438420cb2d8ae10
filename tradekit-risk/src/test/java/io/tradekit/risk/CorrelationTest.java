package io.tradekit.risk;

import io.tradekit.api.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorrelationTest {

    @Test
    void seriesAndALinearImageOfItArePerfectlyCorrelated() {
        double[] a = {0.01, -0.02, 0.03, 0.005, -0.01};
        double[] up = new double[a.length];
        double[] down = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            up[i] = 2 * a[i] + 0.001;
            down[i] = -3 * a[i];
        }
        assertThat(Correlation.pearson(a, up)).isCloseTo(1, within(1e-12));
        assertThat(Correlation.pearson(a, down)).isCloseTo(-1, within(1e-12));
    }

    @Test
    void handComputedCase() {
        // Deviations from the mean 2.5: x = -1.5 -0.5 0.5 1.5, y = -1.5 0.5 -0.5 1.5.
        // Sum of products 4, sums of squares 5 and 5: r = 4 / 5.
        assertThat(Correlation.pearson(new double[]{1, 2, 3, 4}, new double[]{1, 3, 2, 4})).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void rollingWindowsCoverConsecutiveSlices() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 3, 2, 4, 0};
        double[] r = Correlation.rolling(x, y, 4);
        assertThat(r).hasSize(2);
        assertThat(r[0]).isCloseTo(0.8, within(1e-12));
        // Window 2..5: x = 2 3 4 5 (deviations -1.5 -0.5 0.5 1.5), y = 3 2 4 0 (mean 2.25, deviations
        // 0.75 -0.25 1.75 -2.25). Products: -1.125 + 0.125 + 0.875 - 3.375 = -3.5; sums of squares
        // 5 and 0.5625 + 0.0625 + 3.0625 + 5.0625 = 8.75. r = -3.5 / sqrt(5 * 8.75).
        assertThat(r[1]).isCloseTo(-3.5 / Math.sqrt(43.75), within(1e-12));
    }

    @Test
    void seriesThatDoesNotMoveHasNoCorrelation() {
        assertThat(Correlation.pearson(new double[]{1, 1, 1}, new double[]{1, 2, 3})).isNaN();
    }

    @Test
    void symbolsAreComparedOverTheBarTimesBothHave() {
        // ETH's close is 20000 / BTC's close, so it falls when BTC rises; ETH lacks the bar at index 17.
        List<Bar> btc = new ArrayList<>();
        List<Bar> eth = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double c = 100 + (i % 3) * 2 + i * 0.5;
            btc.add(SyntheticBars.bar("BTCUSDT", i, c, c, 0.1));
            if (i != 17) eth.add(SyntheticBars.bar("ETHUSDT", i, 20000 / c, 20000 / c, 0.1));
        }
        PairCorrelation c = Correlation.latest("BTCUSDT", btc, "ETHUSDT", eth, 30);
        assertThat(c.observations()).isEqualTo(30);
        assertThat(c.correlation()).isLessThan(-0.99);
        assertThat(Correlation.pairs(Map.of("BTCUSDT", btc), 30)).isEmpty();
    }
}
