package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-crafted one-minute bars for grid tests, written as "open high low close". */
final class PricePath {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    /** Tick 0.01, step 0.0001, no minimums: the filters never get in the way of a hand-computed path. */
    static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            BigDecimal.ZERO, BigDecimal.ZERO);

    private final List<Bar> bars = new ArrayList<>();

    static PricePath start() {
        return new PricePath();
    }

    /** The next bar, "open high low close". */
    PricePath bar(String ohlc) {
        String[] v = ohlc.trim().split("\\s+");
        bars.add(new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * bars.size()), new BigDecimal(v[0]), new BigDecimal(v[1]),
                new BigDecimal(v[2]), new BigDecimal(v[3]), BigDecimal.ONE));
        return this;
    }

    /** {@code count} bars that open, touch and close at {@code price}. */
    PricePath flat(String price, int count) {
        for (int i = 0; i < count; i++) bar(price + " " + price + " " + price + " " + price);
        return this;
    }

    List<Bar> bars() {
        return List.copyOf(bars);
    }

    /** When bar {@code index} closes: the engine's clock while the strategy handles it. */
    static Instant closeOf(int index) {
        return T0.plusSeconds(60L * (index + 1));
    }

    /**
     * When the paper venue's path of bar {@code index} stands at its point {@code point}: 0 the open, 1 the
     * nearer extreme, 2 the other, 3 the close, a third of the bar apart. A fill on the way to a point has its time.
     */
    static Instant pathPoint(int index, int point) {
        return T0.plusSeconds(60L * index + 20L * point);
    }

    /** A seeded geometric random walk from 100 with per-bar log-return deviation {@code sigma}, on a 0.0001 tick. */
    static List<Bar> randomWalk(int count, double sigma, long seed) {
        Random random = new Random(seed);
        List<Bar> out = new ArrayList<>();
        double price = 100;
        BigDecimal prev = BigDecimal.valueOf(price).setScale(4, RoundingMode.HALF_EVEN);
        for (int i = 0; i < count; i++) {
            price *= Math.exp(sigma * random.nextGaussian());
            BigDecimal close = BigDecimal.valueOf(price).setScale(4, RoundingMode.HALF_EVEN);
            BigDecimal wiggle = close.multiply(BigDecimal.valueOf(sigma / 2)).setScale(4, RoundingMode.HALF_EVEN);
            out.add(new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * i), prev, prev.max(close).add(wiggle),
                    prev.min(close).subtract(wiggle), close, BigDecimal.ONE));
            prev = close;
        }
        return out;
    }
}
