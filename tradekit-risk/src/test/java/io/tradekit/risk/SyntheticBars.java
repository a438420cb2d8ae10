package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hourly bars with a shape chosen by the test: a steady trend, a flat wave, a wave ending in a spike. */
final class SyntheticBars {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private SyntheticBars() {
    }

    private static BigDecimal p(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
    }

    /** A bar from open to close with a wick of {@code wick} beyond each. */
    static Bar bar(String symbol, int index, double open, double close, double wick) {
        return new Bar(symbol, Timeframe.H1, START.plusSeconds(3600L * index), p(open),
                p(Math.max(open, close) + wick), p(Math.min(open, close) - wick), p(close), BigDecimal.TEN);
    }

    /** Closes that move by {@code stepFraction} every bar (positive: up, negative: down). */
    static List<Bar> trend(String symbol, int count, double start, double stepFraction) {
        List<Bar> bars = new ArrayList<>();
        double open = start;
        for (int i = 0; i < count; i++) {
            double close = open * (1 + stepFraction);
            bars.add(bar(symbol, i, open, close, open * 0.002));
            open = close;
        }
        return bars;
    }

    /** Closes that repeat 100, 101, 100.5, 99.5: movement without direction and with a steady size. */
    static List<Bar> flatWave(String symbol, int count) {
        double[] closes = {100, 101, 100.5, 99.5};
        List<Bar> bars = new ArrayList<>();
        double open = 99.5;
        for (int i = 0; i < count; i++) {
            double close = closes[i % closes.length];
            bars.add(bar(symbol, i, open, close, 0.3));
            open = close;
        }
        return bars;
    }

    /** A flat wave whose last {@code spikeBars} bars swing 8 % up and down. */
    static List<Bar> waveThenSpike(String symbol, int count, int spikeBars) {
        List<Bar> bars = new ArrayList<>(flatWave(symbol, count - spikeBars));
        double open = bars.getLast().close().doubleValue();
        for (int i = count - spikeBars; i < count; i++) {
            double close = (i % 2 == 0) ? open * 1.08 : open * 0.92;
            bars.add(bar(symbol, i, open, close, 0.3));
            open = close;
        }
        return bars;
    }

    /** One bar per close from {@code start}: open at the previous close, high and low 0.1 beyond both. */
    static List<Bar> closes(String symbol, Timeframe timeframe, Instant start, String... closes) {
        List<Bar> out = new ArrayList<>();
        BigDecimal prev = new BigDecimal(closes[0]);
        BigDecimal wick = new BigDecimal("0.1");
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = new BigDecimal(closes[i]);
            out.add(new Bar(symbol, timeframe, start.plus(timeframe.duration().multipliedBy(i)), prev,
                    prev.max(c).add(wick), prev.min(c).subtract(wick), c, BigDecimal.ONE));
            prev = c;
        }
        return out;
    }
}
