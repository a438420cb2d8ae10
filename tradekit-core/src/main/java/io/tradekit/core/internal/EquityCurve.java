package io.tradekit.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Arrays;

/**
 * Equity after every bar, with its running peak and the deepest drawdown. Stored as parallel arrays so
 * that a million bars cost two arrays, not a million objects.
 */
public final class EquityCurve {

    private long[] times = new long[1024];
    private BigDecimal[] values = new BigDecimal[1024];
    private int size;
    private BigDecimal peak;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private final boolean keepPoints;
    private BigDecimal previous;
    private long returns;
    private double meanReturn;
    private double sumSquares;

    public EquityCurve(boolean keepPoints) {
        this.keepPoints = keepPoints;
    }

    public void add(Instant time, BigDecimal equity) {
        trackReturn(equity);
        if (peak == null || equity.compareTo(peak) > 0) {
            peak = equity;
        } else if (equity.compareTo(peak) < 0 && peak.signum() > 0) {
            BigDecimal dd = peak.subtract(equity).divide(peak, MathContext.DECIMAL64);
            if (dd.compareTo(maxDrawdown) > 0) maxDrawdown = dd;
        }
        if (!keepPoints) return;
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = time.toEpochMilli();
        values[size++] = equity;
    }

    /** Welford's running mean and variance of per-bar returns, for the Sharpe ratio. */
    private void trackReturn(BigDecimal equity) {
        if (previous != null) {
            double r = equity == previous || previous.signum() == 0 ? 0.0 : equity.doubleValue() / previous.doubleValue() - 1.0;
            returns++;
            double delta = r - meanReturn;
            meanReturn += delta / returns;
            sumSquares += delta * (r - meanReturn);
        }
        previous = equity;
    }

    /** The Sharpe ratio of per-bar returns (risk-free rate zero), annualized with {@code barsPerYear}. */
    public double sharpe(double barsPerYear) {
        if (returns < 2) return 0.0;
        double sd = Math.sqrt(sumSquares / (returns - 1));
        return sd == 0.0 ? 0.0 : meanReturn / sd * Math.sqrt(barsPerYear);
    }

    public void restorePeak(BigDecimal restored) {
        if (peak == null || restored.compareTo(peak) > 0) peak = restored;
    }

    public int size() {
        return size;
    }

    public Instant time(int i) {
        return Instant.ofEpochMilli(times[i]);
    }

    public BigDecimal equity(int i) {
        return values[i];
    }

    public BigDecimal peak() {
        return peak == null ? BigDecimal.ZERO : peak;
    }

    /** The deepest fall from a peak, as a fraction of that peak. */
    public BigDecimal maxDrawdown() {
        return maxDrawdown;
    }
}
