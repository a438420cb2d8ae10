package io.tradekit.core.safety;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Crafted one-minute BTCUSDT bars and instruments for the safety tests. */
public final class TestBars {

    public static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    /** Coarse filters that keep the arithmetic readable. */
    public static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"));
    /** Binance spot BTCUSDT's filters: tick 0.01, step 0.00001, minimum quantity 0.00001, minimum notional 5. */
    public static final Instrument BINANCE_BTCUSDT = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"));

    private TestBars() {
    }

    /** The {@code index}-th minute bar with the given prices. */
    public static Bar bar(int index, String open, String high, String low, String close) {
        return new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * index), new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    /** One bar per close, open = previous close, high and low half a unit around both. */
    public static List<Bar> closes(String... closes) {
        List<Bar> out = new ArrayList<>();
        BigDecimal prev = new BigDecimal(closes[0]);
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = new BigDecimal(closes[i]);
            out.add(new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * i), prev, prev.max(c).add(new BigDecimal("0.5")),
                    prev.min(c).subtract(new BigDecimal("0.5")), c, BigDecimal.ONE));
            prev = c;
        }
        return out;
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
