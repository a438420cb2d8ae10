package io.tradekit.advisor.optimize;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 5-minute bars whose close walks a triangle wave one unit a bar: 110 down to 90 and back, every 40 bars
 * ({@code close(i) = 90 + |20 - i mod 40|}); each bar opens at the close before it. Bought at c1 and sold at c2
 * once a cycle, {@link BandStrategy} earns c2 / c1 a cycle, most with {@code buyBelow=90, sellAbove=110}.
 */
final class TriangleBars {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TriangleBars() {
    }

    static List<Bar> of(int count) {
        List<Bar> bars = new ArrayList<>(count);
        BigDecimal previous = close(0);
        for (int i = 0; i < count; i++) {
            BigDecimal close = close(i);
            bars.add(new Bar("TRI-USD", Timeframe.M5, START.plusSeconds(300L * i), previous, previous.max(close), previous.min(close), close,
                    BigDecimal.valueOf(1000)));
            previous = close;
        }
        return bars;
    }

    static BigDecimal close(int i) {
        return BigDecimal.valueOf(90 + Math.abs(20 - i % 40));
    }
}
