package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ValueAtRiskTest {

    // Sorted: -0.030, -0.021, -0.015, -0.012, -0.008, -0.006, -0.004, -0.002, 0.003, ... 0.017.
    private static final double[] RETURNS = {0.012, -0.008, 0.005, -0.021, 0.017, 0.003, -0.012, 0.009, -0.004, 0.015,
            -0.030, 0.006, 0.011, -0.002, 0.008, -0.015, 0.004, 0.010, -0.006, 0.007};

    @Test
    void historicalVarOfTwentyReturnsAt95IsTheWorstReturn() {
        // 5 % of 20 is 1 return: the tail is the single worst.
        TailRisk r = ValueAtRisk.historical(RETURNS, Confidence.P95);
        assertThat(r.method()).isEqualTo(VarMethod.HISTORICAL);
        assertThat(r.valueAtRisk()).isEqualTo(0.030);
        assertThat(r.expectedShortfall()).isEqualTo(0.030);
    }

    @Test
    void historicalVarOfFortyReturnsTakesTheSecondWorstAt95AndTheWorstAt99() {
        double[] forty = DoubleStream.concat(DoubleStream.of(RETURNS), DoubleStream.of(RETURNS).map(v -> v / 2)).toArray();
        // 5 % of 40 = 2: the two worst are -0.030 and -0.021. 1 % of 40 = 0.4, rounded up to 1.
        TailRisk p95 = ValueAtRisk.historical(forty, Confidence.P95);
        assertThat(p95.valueAtRisk()).isEqualTo(0.021);
        assertThat(p95.expectedShortfall()).isCloseTo((0.030 + 0.021) / 2, within(1e-15));
        assertThat(ValueAtRisk.historical(forty, Confidence.P99).valueAtRisk()).isEqualTo(0.030);
    }

    @Test
    void parametricVarUsesTheSampleMeanAndDeviation() {
        // Sum of the returns is 0.009, so the mean is 0.00045; the squared deviations from it sum to
        // 0.00298495, so the sample standard deviation is sqrt(0.00298495 / 19).
        double mean = 0.00045;
        double sd = Math.sqrt(0.00298495 / 19);
        double z95 = 1.6448536;
        double z99 = 2.3263479;
        // The standard normal density at each z, to seven decimals like z: the expectations hold to 1e-7.
        double density95 = 0.1031356;
        double density99 = 0.0266521;

        TailRisk p95 = ValueAtRisk.parametric(RETURNS, Confidence.P95);
        assertThat(p95.valueAtRisk()).isCloseTo(z95 * sd - mean, within(1e-7));
        assertThat(p95.expectedShortfall()).isCloseTo(sd * density95 / 0.05 - mean, within(1e-7));
        TailRisk p99 = ValueAtRisk.parametric(RETURNS, Confidence.P99);
        assertThat(p99.valueAtRisk()).isCloseTo(z99 * sd - mean, within(1e-7));
        assertThat(p99.expectedShortfall()).isCloseTo(sd * density99 / 0.01 - mean, within(1e-7));
    }

    @Test
    void expectedShortfallIsNeverSmallerThanVar() {
        for (TailRisk r : ValueAtRisk.all(RETURNS)) {
            assertThat(r.expectedShortfall()).as(r.toString()).isGreaterThanOrEqualTo(r.valueAtRisk());
        }
    }

    @Test
    void varInMoneyScalesTheFraction() {
        TailRisk r = ValueAtRisk.historical(RETURNS, Confidence.P95);
        assertThat(r.valueAtRiskOn(new BigDecimal("20000"))).isEqualByComparingTo("600");
    }

    @Test
    void badReturnsAreRefusedNamingWhichOne() {
        assertThatThrownBy(() -> ValueAtRisk.historical(new double[]{0.01}, Confidence.P95))
                .isInstanceOf(InvalidInputException.class).hasMessage("value at risk needs at least 2 returns, got 1");
        assertThatThrownBy(() -> ValueAtRisk.parametric(new double[]{0.01, Double.NaN}, Confidence.P99))
                .isInstanceOf(InvalidInputException.class).hasMessage("return #1 is NaN, not a number");
    }
}
