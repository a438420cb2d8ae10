package io.tradekit.examples.bench;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bars for benchmarks: a seeded random walk of the close (Gaussian steps of about 0.2 %), prices on a
 * cent tick, each bar opening at the previous close. The same seed gives the same bars.
 */
public final class RandomWalkBars {

    private static final BigDecimal VOLUME = BigDecimal.ONE;

    private RandomWalkBars() {
    }

    /**
     * Generates {@code count} bars from a close of 100.00, the first opening at 2020-01-01T00:00Z and each the next
     * timeframe after; the close never drops below 1.00.
     *
     * @param symbol the bars' symbol
     * @param timeframe the bars' timeframe
     * @param count how many bars
     * @param seed the random seed; the same seed gives the same bars
     * @return the bars, oldest first, volume 1 each, as an unmodifiable list (which a backtest takes without copying it)
     */
    public static List<Bar> generate(String symbol, Timeframe timeframe, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>(count);
        Instant time = Instant.parse("2020-01-01T00:00:00Z");
        long closeCents = 10_000;
        BigDecimal close = BigDecimal.valueOf(closeCents, 2);
        for (int i = 0; i < count; i++) {
            BigDecimal open = close;
            long openCents = closeCents;
            closeCents = Math.max(100, Math.round(openCents * (1 + random.nextGaussian() * 0.002)));
            long highCents = Math.max(openCents, closeCents) + Math.round(Math.abs(random.nextGaussian()) * openCents * 0.001);
            long lowCents = Math.max(1, Math.min(openCents, closeCents) - Math.round(Math.abs(random.nextGaussian()) * openCents * 0.001));
            close = BigDecimal.valueOf(closeCents, 2);
            bars.add(new Bar(symbol, timeframe, time, open, BigDecimal.valueOf(highCents, 2), BigDecimal.valueOf(lowCents, 2), close, VOLUME));
            time = time.plus(timeframe.duration());
        }
        return List.copyOf(bars);
    }
}
