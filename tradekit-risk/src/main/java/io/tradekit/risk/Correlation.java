package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pearson correlation of returns, over a whole series or a rolling window. A series that does not move
 * has no correlation with anything: the result is NaN.
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * The Pearson correlation coefficient of two equally long series, clamped to [-1, 1].
     *
     * @param a the first series, for example one symbol's returns
     * @param b the second series, element i paired with {@code a[i]}
     * @return the correlation in [-1, 1], or NaN when either series is constant
     * @throws io.tradekit.api.InvalidInputException if the series differ in length or hold fewer than 2 values
     */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length) throw new InvalidInputException("correlation needs series of one length, got " + a.length + " and " + b.length);
        if (a.length < 2) throw new InvalidInputException("correlation needs at least 2 values, got " + a.length);
        double ma = ValueAtRisk.mean(a);
        double mb = ValueAtRisk.mean(b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        if (va == 0 || vb == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
    }

    /**
     * The correlation over each window of {@code window} values: element i covers [i, i + window).
     *
     * @param a      the first series
     * @param b      the second series, of the same length as {@code a}
     * @param window values per window, at least 2
     * @return {@code a.length - window + 1} correlations (NaN where a window is constant), or an empty array
     *         when the series are shorter than one window
     * @throws io.tradekit.api.InvalidInputException if {@code window} is below 2 or the series differ in length
     */
    public static double[] rolling(double[] a, double[] b, int window) {
        if (window < 2) throw new InvalidInputException("a rolling correlation window must be at least 2, got " + window);
        if (a.length != b.length) throw new InvalidInputException("correlation needs series of one length, got " + a.length + " and " + b.length);
        if (a.length < window) return new double[0];
        double[] out = new double[a.length - window + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = pearson(Arrays.copyOfRange(a, i, i + window), Arrays.copyOfRange(b, i, i + window));
        }
        return out;
    }

    /**
     * The correlation of two symbols' simple close-to-close returns over their last {@code window} common bar
     * times (see {@link ReturnSeries#aligned}). Bars are matched by open time; a time only one symbol has is skipped.
     *
     * @param first      the first symbol's name, as reported in the result
     * @param firstBars  the first symbol's bars, oldest first
     * @param second     the second symbol's name
     * @param secondBars the second symbol's bars, oldest first
     * @param window     how many of the most recent common returns to use at most
     * @return the pair's correlation; its {@code observations} is the number of returns used, and the
     *         correlation is NaN when fewer than 2 are available or either series is constant
     */
    public static PairCorrelation latest(String first, List<Bar> firstBars, String second, List<Bar> secondBars, int window) {
        Map<String, List<Bar>> both = new LinkedHashMap<>();
        both.put(first, firstBars);
        both.put(second, secondBars);
        Map<String, double[]> returns = ReturnSeries.aligned(both);
        double[] ra = returns.get(first);
        double[] rb = returns.get(second);
        int n = Math.min(window, ra.length);
        if (n < 2) return new PairCorrelation(first, second, n, Double.NaN);
        return new PairCorrelation(first, second, n,
                pearson(Arrays.copyOfRange(ra, ra.length - n, ra.length), Arrays.copyOfRange(rb, rb.length - n, rb.length)));
    }

    /**
     * The correlation of every pair among the symbols, each over its own common bar times as in {@link #latest}.
     *
     * @param barsBySymbol each symbol's bars, oldest first; the map's iteration order sets the pairs' order
     * @param window       how many of the most recent common returns each pair uses at most
     * @return one entry per unordered pair (first before second in the map's order); empty with fewer than two symbols
     */
    public static List<PairCorrelation> pairs(Map<String, List<Bar>> barsBySymbol, int window) {
        List<String> symbols = new ArrayList<>(barsBySymbol.keySet());
        List<PairCorrelation> out = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            for (int j = i + 1; j < symbols.size(); j++) {
                String a = symbols.get(i);
                String b = symbols.get(j);
                out.add(latest(a, barsBySymbol.get(a), b, barsBySymbol.get(b), window));
            }
        }
        return out;
    }
}
