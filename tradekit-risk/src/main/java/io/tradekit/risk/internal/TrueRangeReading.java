package io.tradekit.risk.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.spi.RiskContext;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The average true range (ta4j's {@link ATRIndicator}) of a symbol's recent closed bars, read again only
 * when a new bar has closed. It reads up to four periods of bars so that the average has settled.
 */
public final class TrueRangeReading {

    private record Reading(Instant lastBar, int bars, BigDecimal atr) {
    }

    private final int period;
    private final Map<String, Reading> readings = new HashMap<>();

    public TrueRangeReading(int period) {
        this.period = period;
    }

    public int period() {
        return period;
    }

    /** The ATR of {@code symbol}, empty until it has {@code period} bars. */
    public Optional<BigDecimal> atr(String symbol, RiskContext ctx) {
        List<Bar> bars = ctx.recentBars(symbol, 4 * period);
        if (bars.size() < period) return Optional.empty();
        Instant last = bars.getLast().openTime();
        Reading cached = readings.get(symbol);
        if (cached != null && cached.lastBar().equals(last) && cached.bars() == bars.size()) return Optional.of(cached.atr());
        BarSeries series = Ta4jSeries.of(symbol, bars);
        BigDecimal atr = new ATRIndicator(series, period).getValue(series.getEndIndex()).bigDecimalValue();
        readings.put(symbol, new Reading(last, bars.size(), atr));
        return Optional.of(atr);
    }

    /** How many bars of {@code symbol} there are of the {@code period} needed. */
    public int barsAvailable(String symbol, RiskContext ctx) {
        return ctx.recentBars(symbol, period).size();
    }
}
