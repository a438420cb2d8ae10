package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A deterministic market: a slow wave around 100 with bars one tick apart at least. */
final class TestBars {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TestBars() {
    }

    static List<Bar> wave(String symbol, Timeframe timeframe, int count) {
        List<Bar> bars = new ArrayList<>(count);
        BigDecimal previous = price(-1);
        for (int i = 0; i < count; i++) {
            BigDecimal close = price(i);
            BigDecimal high = previous.max(close).add(new BigDecimal("0.50"));
            BigDecimal low = previous.min(close).subtract(new BigDecimal("0.50"));
            bars.add(new Bar(symbol, timeframe, START.plus(timeframe.duration().multipliedBy(i)), previous, high, low, close, new BigDecimal("12.5")));
            previous = close;
        }
        return bars;
    }

    /** Bars compared by value: the wire carries eight decimals, the data set two. */
    static final java.util.Comparator<Bar> BY_VALUE = (a, b) -> a.symbol().equals(b.symbol()) && a.timeframe().equals(b.timeframe())
            && a.openTime().equals(b.openTime()) && a.open().compareTo(b.open()) == 0 && a.high().compareTo(b.high()) == 0
            && a.low().compareTo(b.low()) == 0 && a.close().compareTo(b.close()) == 0 && a.volume().compareTo(b.volume()) == 0
            ? 0 : a.openTime().compareTo(b.openTime()) != 0 ? a.openTime().compareTo(b.openTime()) : 1;

    private static BigDecimal price(int i) {
        return BigDecimal.valueOf(100 + 10 * Math.sin(i / 7.0)).setScale(2, RoundingMode.HALF_UP);
    }
}
