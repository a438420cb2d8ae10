package io.tradekit.core.perp;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginRules;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A perpetual instrument and four-hour bars for the hand-computed perpetual tests. */
final class PerpBars {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Timeframe H4 = Timeframe.parse("4h");
    /** Maximum 50x, maintenance margin 0.5 %, liquidation fee 0.06 %, funding every 8 h. */
    static final Instrument ETH_PERP = new Instrument("ETHUSDT", "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), BigDecimal.ZERO)
            .asLinearPerpetual(MarginRules.flat(new BigDecimal("50"), new BigDecimal("0.005"), new BigDecimal("0.0006")));

    private PerpBars() {
    }

    /** Bars from T0, four hours apart, each given as "open high low close". */
    static List<Bar> bars(String... ohlc) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            String[] p = ohlc[i].split(" ");
            out.add(new Bar("ETHUSDT", H4, T0.plus(H4.duration().multipliedBy(i)), new BigDecimal(p[0]), new BigDecimal(p[1]),
                    new BigDecimal(p[2]), new BigDecimal(p[3]), new BigDecimal("1000")));
        }
        return out;
    }
}
