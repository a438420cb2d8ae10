package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Crafted bar series for engine tests. */
final class Bars {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"));

    static final io.tradekit.api.Timeframe BTC_TF = io.tradekit.api.Timeframe.M1;

    private Bars() {
    }

    /** One 1-minute bar per close, open = previous close, high/low just around both. */
    static List<Bar> closes(String... closes) {
        List<Bar> out = new ArrayList<>();
        BigDecimal prev = new BigDecimal(closes[0]);
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = new BigDecimal(closes[i]);
            BigDecimal hi = prev.max(c).add(new BigDecimal("0.5"));
            BigDecimal lo = prev.min(c).subtract(new BigDecimal("0.5"));
            out.add(new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * i), prev, hi, lo, c, BigDecimal.ONE));
            prev = c;
        }
        return out;
    }

    /** A seeded random walk around 100. */
    static List<Bar> walk(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        String[] closes = new String[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p = Math.max(10, p + r.nextGaussian());
            closes[i] = BigDecimal.valueOf(p).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        return closes(closes);
    }
}
