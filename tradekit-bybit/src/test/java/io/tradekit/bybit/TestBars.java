package io.tradekit.bybit;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A deterministic market: a slow wave around 100, each bar's range reaching the previous close. */
public final class TestBars {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TestBars() {
    }

    public static List<Bar> wave(String symbol, Timeframe timeframe, int count) {
        List<Bar> bars = new ArrayList<>(count);
        BigDecimal previous = price(-1);
        for (int i = 0; i < count; i++) {
            BigDecimal close = price(i);
            bars.add(new Bar(symbol, timeframe, START.plus(timeframe.duration().multipliedBy(i)), previous,
                    previous.max(close).add(new BigDecimal("0.50")), previous.min(close).subtract(new BigDecimal("0.50")), close,
                    new BigDecimal("12.5")));
            previous = close;
        }
        return bars;
    }

    private static BigDecimal price(int i) {
        return BigDecimal.valueOf(100 + 10 * Math.sin(i / 7.0)).setScale(2, RoundingMode.HALF_UP);
    }
}
