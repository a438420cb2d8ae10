package io.tradekit.kraken.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A deterministic market: a slow wave around 100, bars at least a tick apart, in 2024 (long closed by any clock). */
final class TestBars {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TestBars() {
    }

    static List<Bar> wave(int count) {
        List<Bar> bars = new ArrayList<>(count);
        BigDecimal previous = price(-1);
        for (int i = 0; i < count; i++) {
            BigDecimal close = price(i);
            BigDecimal high = previous.max(close).add(new BigDecimal("0.50"));
            BigDecimal low = previous.min(close).subtract(new BigDecimal("0.50"));
            bars.add(new Bar("ETHUSD", Timeframe.M1, START.plus(Timeframe.M1.duration().multipliedBy(i)), previous, high, low, close,
                    new BigDecimal("12.5")));
            previous = close;
        }
        return bars;
    }

    private static BigDecimal price(int i) {
        return BigDecimal.valueOf(100 + 10 * Math.sin(i / 7.0)).setScale(2, RoundingMode.HALF_UP);
    }
}
