package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.util.List;

/**
 * An instrument for a data set that came without one (a CSV file): the tick is the finest price
 * precision in the data, the step a hundred-millionth, no minimums. Base and quote come from the
 * symbol: {@code ETH-USD}, {@code ETH/USD} or a known quote suffix ({@code BTCUSDT}).
 */
public final class DefaultInstrument {

    private static final List<String> QUOTES = List.of("USDT", "USDC", "BUSD", "FDUSD", "USD", "EUR", "GBP", "BTC", "ETH");

    private DefaultInstrument() {
    }

    public static Instrument forBars(String symbol, List<Bar> bars) {
        int scale = 2;
        for (int i = 0; i < Math.min(bars.size(), 1000); i++) {
            Bar b = bars.get(i);
            scale = Math.max(scale, Math.max(Math.max(b.open().stripTrailingZeros().scale(), b.close().stripTrailingZeros().scale()),
                    Math.max(b.high().stripTrailingZeros().scale(), b.low().stripTrailingZeros().scale())));
        }
        String base = symbol;
        String quote = "USD";
        int sep = Math.max(symbol.indexOf('-'), Math.max(symbol.indexOf('/'), symbol.indexOf('_')));
        if (sep > 0) {
            base = symbol.substring(0, sep);
            quote = symbol.substring(sep + 1);
        } else {
            for (String q : QUOTES) {
                if (symbol.length() > q.length() && symbol.toUpperCase().endsWith(q)) {
                    base = symbol.substring(0, symbol.length() - q.length());
                    quote = q;
                    break;
                }
            }
        }
        return new Instrument(symbol, base.toUpperCase(), quote.toUpperCase(), BigDecimal.ONE.movePointLeft(Math.min(scale, 12)),
                new BigDecimal("0.00000001"), BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
