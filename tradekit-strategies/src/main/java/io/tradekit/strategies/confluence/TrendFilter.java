package io.tradekit.strategies.confluence;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import java.util.Locale;

/**
 * Confirmation on a higher timeframe: an entry is taken only with the trend of that timeframe's closed bars, read
 * as ta4j's simple moving averages of the close: a BUY that opens a position needs the fast average above the slow
 * one, a SELL that opens one needs it below. An exit is never held back.
 *
 * @param timeframe the timeframe whose closed bars make the trend, e.g. 1h
 * @param fast      bars of the fast average
 * @param slow      bars of the slow average, more than {@code fast}
 */
record TrendFilter(Timeframe timeframe, int fast, int slow) {

    TrendFilter {
        if (fast < 1) throw new InvalidInputException("confluence: parameter 'trend.fast' must be at least 1, got " + fast);
        if (fast >= slow) {
            throw new InvalidInputException("confluence: parameter 'trend.fast' (" + fast + ") must be smaller than 'trend.slow' (" + slow + ")");
        }
    }

    GateCheck check(Signal entry, StrategyContext ctx) {
        BarSeries series = Ta4jSeries.of(ctx, timeframe);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        int end = series.getEndIndex();
        double fastValue = new SMAIndicator(close, fast).getValue(end).doubleValue();
        double slowValue = new SMAIndicator(close, slow).getValue(end).doubleValue();
        boolean up = fastValue > slowValue;
        boolean down = fastValue < slowValue;
        String figures = String.format(Locale.ROOT, "%s SMA%d %.4f %s SMA%d %.4f", timeframe, fast, fastValue,
                up ? ">" : down ? "<" : "=", slow, slowValue);
        boolean with = entry == Signal.BUY ? up : down;
        return with ? GateCheck.passed("trend", figures) : GateCheck.blocked("trend", figures + ": against a " + entry);
    }
}
