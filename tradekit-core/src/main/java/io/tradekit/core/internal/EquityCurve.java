package io.tradekit.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import io.tradekit.core.EquityPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equity after every bar, with its running peak, the deepest drawdown, the running moments of per-bar
 * returns (Sharpe, Sortino) and each UTC day's closing equity. Stored as parallel arrays so that a million
 * bars cost three arrays, not a million objects: each equity is kept as its unscaled value and scale (exact,
 * rebuilt as the same {@link BigDecimal} on reading), and only an equity of more than 18 digits is kept as
 * it is. A long backtest holds its curve to the end, and a million kept objects would be copied by every
 * young collection of the run.
 */
public final class EquityCurve {

    private static final long DAY_MILLIS = 86_400_000L;

    private long[] times = new long[1024];
    private long[] unscaled = new long[1024];
    private byte[] scales = new byte[1024];
    /** The few equities whose unscaled value does not fit {@link #unscaled} or whose scale does not fit {@link #scales}, by index. */
    private final Map<Integer, BigDecimal> wide = new HashMap<>();
    private int size;
    private BigDecimal peak;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    /** The equity under which, with the current peak, the drawdown would be deeper than {@link #maxDrawdown}. */
    private BigDecimal newLowBelow;
    private final boolean keepPoints;
    private BigDecimal previous;
    private double previousValue;
    private long returns;
    private double meanReturn;
    private double sumSquares;
    /** The sum of the squares of the per-bar returns below zero, for the Sortino ratio's downside deviation. */
    private double downsideSquares;
    private final List<EquityPoint> dayCloses = new ArrayList<>();
    private long day = Long.MIN_VALUE;
    private long lastTime;
    private BigDecimal lastEquity;

    public EquityCurve(boolean keepPoints) {
        this.keepPoints = keepPoints;
    }

    public void add(Instant time, BigDecimal equity) {
        boolean unchanged = equity == previous;
        trackReturn(equity);
        trackDay(time, equity);
        if (unchanged) {
            // The same equity as the bar before (a flat book): no new peak, no new low.
        } else if (peak == null || equity.compareTo(peak) > 0) {
            peak = equity;
            newLowBelow = peak.subtract(peak.multiply(maxDrawdown));
        } else if (equity.compareTo(newLowBelow) < 0 && peak.signum() > 0) {
            // Only an equity below the deepest drawdown so far can set a new one: one comparison per bar, a division rarely.
            maxDrawdown = peak.subtract(equity).divide(peak, MathContext.DECIMAL64);
            newLowBelow = equity;
        }
        if (!keepPoints) return;
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            unscaled = Arrays.copyOf(unscaled, size * 2);
            scales = Arrays.copyOf(scales, size * 2);
        }
        times[size] = time.toEpochMilli();
        int scale = equity.scale();
        if (unchanged && size > 0 && (wide.isEmpty() || !wide.containsKey(size - 1))) {
            // The very equity of the bar before (a flat book): its digits are already at hand.
            unscaled[size] = unscaled[size - 1];
            scales[size] = scales[size - 1];
        } else if (equity.precision() <= 18 && scale == (byte) scale) {
            // At most 18 digits fit a long; scaling by the scale keeps the digits and only moves the point.
            unscaled[size] = equity.scaleByPowerOfTen(scale).longValue();
            scales[size] = (byte) scale;
        } else {
            wide.put(size, equity);
        }
        size++;
    }

    /** Welford's running mean and variance of per-bar returns, for the Sharpe ratio. */
    private void trackReturn(BigDecimal equity) {
        double value = equity == previous ? previousValue : equity.doubleValue();
        if (previous != null) {
            double r = previousValue == 0.0 ? 0.0 : value / previousValue - 1.0;
            returns++;
            double delta = r - meanReturn;
            meanReturn += delta / returns;
            sumSquares += delta * (r - meanReturn);
            if (r < 0) downsideSquares += r * r;
        }
        previous = equity;
        previousValue = value;
    }

    /** The Sharpe ratio of per-bar returns (risk-free rate zero), annualized with {@code barsPerYear}. */
    public double sharpe(double barsPerYear) {
        if (returns < 2) return 0.0;
        double sd = Math.sqrt(sumSquares / (returns - 1));
        return sd == 0.0 ? 0.0 : meanReturn / sd * Math.sqrt(barsPerYear);
    }

    /** The Sortino ratio of per-bar returns, annualized with {@code barsPerYear}, as {@link io.tradekit.core.BacktestResult} defines it. */
    public double sortino(double barsPerYear) {
        if (returns < 2) return 0.0;
        if (downsideSquares == 0.0) return meanReturn == 0.0 ? 0.0 : Double.NaN;
        return meanReturn / Math.sqrt(downsideSquares / returns) * Math.sqrt(barsPerYear);
    }

    /**
     * A mark at exactly midnight UTC closes the day before (a bar closing at 00:00 is that day's last), so
     * a day's close is the last mark in {@code (midnight, next midnight]}.
     */
    private void trackDay(Instant time, BigDecimal equity) {
        long t = time.toEpochMilli();
        long d = Math.floorDiv(t - 1, DAY_MILLIS);
        if (d != day) {
            if (lastEquity != null) dayCloses.add(new EquityPoint(Instant.ofEpochMilli(lastTime), lastEquity));
            day = d;
        }
        lastTime = t;
        lastEquity = equity;
    }

    /** Each UTC day's closing equity, oldest first: the last mark of the day (see {@link #trackDay}); the last day's is the latest mark. */
    public List<EquityPoint> dayCloses() {
        List<EquityPoint> out = new ArrayList<>(dayCloses.size() + 1);
        out.addAll(dayCloses);
        if (lastEquity != null) out.add(new EquityPoint(Instant.ofEpochMilli(lastTime), lastEquity));
        return out;
    }

    public void restorePeak(BigDecimal restored) {
        if (peak == null || restored.compareTo(peak) > 0) {
            peak = restored;
            newLowBelow = peak.subtract(peak.multiply(maxDrawdown));
        }
    }

    public int size() {
        return size;
    }

    public Instant time(int i) {
        return Instant.ofEpochMilli(times[i]);
    }

    public BigDecimal equity(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("equity point " + i + " of " + size);
        BigDecimal kept = wide.isEmpty() ? null : wide.get(i);
        return kept != null ? kept : BigDecimal.valueOf(unscaled[i], scales[i]);
    }

    public BigDecimal peak() {
        return peak == null ? BigDecimal.ZERO : peak;
    }

    /** The deepest fall from a peak, as a fraction of that peak. */
    public BigDecimal maxDrawdown() {
        return maxDrawdown;
    }
}
