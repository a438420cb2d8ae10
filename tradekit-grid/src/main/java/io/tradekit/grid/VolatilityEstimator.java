package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;

import java.util.List;

/**
 * Estimates volatility from price history: the sample standard deviation of log returns between
 * consecutive closes, and ta4j's average true range (over up to 14 bars) divided by the last close.
 *
 * <pre>{@code VolatilityEstimate v = VolatilityEstimator.estimate(ctx.recentBars(100));}</pre>
 */
public final class VolatilityEstimator {

    /** The ATR look-back used for {@link VolatilityEstimate#atrFraction()} when there are enough bars. */
    public static final int ATR_PERIOD = 14;

    private VolatilityEstimator() {
    }

    /**
     * Estimates volatility from the bars. The ATR is over {@value #ATR_PERIOD} bars, or over all returns when there
     * are fewer.
     *
     * @param bars one symbol's bars, oldest first, at least three (two returns)
     * @return the estimate
     * @throws io.tradekit.api.InvalidInputException if there are fewer than three bars
     */
    public static VolatilityEstimate estimate(List<Bar> bars) {
        if (bars.size() < 3) {
            throw new InvalidInputException("grid: a volatility estimate needs at least 3 bars of history, got " + bars.size());
        }
        double[] returns = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            returns[i - 1] = Math.log(bars.get(i).close().doubleValue() / bars.get(i - 1).close().doubleValue());
        }
        double mean = 0;
        for (double r : returns) mean += r;
        mean /= returns.length;
        double squares = 0;
        for (double r : returns) squares += (r - mean) * (r - mean);
        double stdDev = Math.sqrt(squares / (returns.length - 1));

        BarSeries series = Ta4jSeries.of("volatility", bars);
        ATRIndicator atr = new ATRIndicator(series, Math.min(ATR_PERIOD, bars.size() - 1));
        double lastClose = bars.get(bars.size() - 1).close().doubleValue();
        double atrFraction = atr.getValue(series.getEndIndex()).doubleValue() / lastClose;
        return new VolatilityEstimate(stdDev, atrFraction, bars.size());
    }
}
