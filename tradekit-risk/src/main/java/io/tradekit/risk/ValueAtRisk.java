package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Value at risk and expected shortfall of a returns series (one value per period, 0.01 = +1 %).
 *
 * <p>Historical: with n returns sorted ascending and a tail of t % (5 or 1), k = ceil(n * t / 100);
 * VaR is minus the k-th smallest return (the empirical t-% quantile) and ES is minus the mean of the k
 * smallest. With 20 returns at 95 %, k = 1: the worst return.
 *
 * <p>Parametric (normal): with the sample mean m and sample standard deviation s (n - 1),
 * VaR = z s - m and ES = s phi(z) / (1 - level) - m, phi the standard normal density.
 *
 * <pre>{@code TailRisk r = ValueAtRisk.historical(ReturnSeries.of(bars), Confidence.P99);}</pre>
 */
public final class ValueAtRisk {

    private ValueAtRisk() {
    }

    /**
     * Historical VaR and ES: from the worst {@code ceil(n * tail / 100)} returns of the sample.
     *
     * @param returns    one return per period as a fraction, at least 2, all finite; not modified
     * @param confidence 95 or 99 %
     * @return the figures, positive for a loss
     * @throws io.tradekit.api.InvalidInputException if there are fewer than 2 returns or one is NaN or infinite
     */
    public static TailRisk historical(double[] returns, Confidence confidence) {
        check(returns);
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        int k = (sorted.length * confidence.tailPercent() + 99) / 100;
        double tailSum = 0;
        for (int i = 0; i < k; i++) tailSum += sorted[i];
        return new TailRisk(VarMethod.HISTORICAL, confidence, -sorted[k - 1], -tailSum / k);
    }

    /**
     * Parametric VaR and ES under a normal distribution with the sample's mean and standard deviation.
     *
     * @param returns    one return per period as a fraction, at least 2, all finite
     * @param confidence 95 or 99 %
     * @return the figures, positive for a loss
     * @throws io.tradekit.api.InvalidInputException if there are fewer than 2 returns or one is NaN or infinite
     */
    public static TailRisk parametric(double[] returns, Confidence confidence) {
        check(returns);
        double mean = mean(returns);
        double sd = sampleDeviation(returns, mean);
        double z = confidence.z();
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return new TailRisk(VarMethod.PARAMETRIC, confidence, z * sd - mean, sd * density / (1 - confidence.level()) - mean);
    }

    /**
     * Both methods at both levels: historical 95, 99, then parametric 95, 99.
     *
     * @param returns one return per period as a fraction, at least 2, all finite
     * @return four figures in that order
     * @throws io.tradekit.api.InvalidInputException if there are fewer than 2 returns or one is NaN or infinite
     */
    public static List<TailRisk> all(double[] returns) {
        List<TailRisk> out = new ArrayList<>();
        for (Confidence c : Confidence.values()) out.add(historical(returns, c));
        for (Confidence c : Confidence.values()) out.add(parametric(returns, c));
        return out;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    static double sampleDeviation(double[] values, double mean) {
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        return Math.sqrt(squares / (values.length - 1));
    }

    private static void check(double[] returns) {
        if (returns == null || returns.length < 2) {
            throw new InvalidInputException("value at risk needs at least 2 returns, got " + (returns == null ? 0 : returns.length));
        }
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isFinite(returns[i])) throw new InvalidInputException("return #" + i + " is " + returns[i] + ", not a number");
        }
    }
}
