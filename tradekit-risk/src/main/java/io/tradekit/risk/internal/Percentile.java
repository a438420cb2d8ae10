package io.tradekit.risk.internal;

/**
 * Where a value sits in a sample, as a fraction in [0, 1]: the mid-rank (values below, plus half of
 * the values equal). Values within {@code tolerance} of each other count as equal, so that rounding
 * noise in a steady series does not rank one copy of the same figure above another.
 */
public final class Percentile {

    private Percentile() {
    }

    public static double rank(double value, double[] sample, double tolerance) {
        if (sample.length == 0) throw new IllegalArgumentException("percentile of an empty sample");
        int below = 0;
        int equal = 0;
        for (double v : sample) {
            if (Math.abs(v - value) <= tolerance) equal++;
            else if (v < value) below++;
        }
        return (below + 0.5 * equal) / sample.length;
    }
}
