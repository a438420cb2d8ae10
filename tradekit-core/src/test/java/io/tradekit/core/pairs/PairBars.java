package io.tradekit.core.pairs;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Crafted bars and instruments of several pairs for the multi-pair tests. */
final class PairBars {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instrument BTC = spot("BTCUSDT", "BTC");
    static final Instrument ETH = spot("ETHUSDT", "ETH");
    static final Instrument SOL = spot("SOLUSDT", "SOL");

    private PairBars() {
    }

    static Instrument spot(String symbol, String base) {
        return new Instrument(symbol, base, "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"));
    }

    /** One bar of {@code timeframe} per close, starting at {@link #T0}; open = the previous close, high and low half a unit around both. */
    static List<Bar> closes(String symbol, Timeframe timeframe, String... closes) {
        List<Bar> out = new ArrayList<>();
        BigDecimal prev = new BigDecimal(closes[0]);
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = new BigDecimal(closes[i]);
            BigDecimal hi = prev.max(c).add(new BigDecimal("0.5"));
            BigDecimal lo = prev.min(c).subtract(new BigDecimal("0.5"));
            out.add(new Bar(symbol, timeframe, T0.plus(timeframe.duration().multipliedBy(i)), prev, hi, lo, c, BigDecimal.ONE));
            prev = c;
        }
        return out;
    }

    static List<Bar> closes(String symbol, String... closes) {
        return closes(symbol, Timeframe.M1, closes);
    }
}
