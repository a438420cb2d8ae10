package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.risk.internal.Percentile;
import io.tradekit.risk.internal.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceRatioIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.numeric.UnaryOperationIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Reads a symbol's {@link MarketRegime} from its recent bars, with ta4j's indicators:
 * <ul>
 *   <li>HIGH_VOLATILITY when the realized volatility (standard deviation of log returns over
 *       {@code volatilityWindow} bars) ranks at or above {@code highVolatilityPercentile} among its
 *       values over the last {@code percentileLookback} bars (volatilities within 1e-6 per bar count as
 *       equal and share their mid-rank), or when the last bar's true range is at
 *       least {@value #SHOCK_ATRS} ATRs of the bars before it (a gap or a wick that closes cannot show);</li>
 *   <li>otherwise TRENDING_UP / TRENDING_DOWN when ADX is at or above {@code trendAdx}, by the larger of
 *       +DI and -DI;</li>
 *   <li>otherwise RANGING.</li>
 * </ul>
 *
 * <pre>{@code RegimeReading r = RegimeDetector.standard().detect(ctx.recentBars("BTCUSDT", 120));}</pre>
 */
public final class RegimeDetector {

    static final int SHOCK_ATRS = 3;
    /**
     * Per-bar volatilities closer than this (0.0001 %) are the same volatility: a steady series
     * otherwise ranks its own rounding noise.
     */
    private static final double SAME_VOLATILITY = 1e-6;

    private final int adxPeriod;
    private final BigDecimal trendAdx;
    private final int volatilityWindow;
    private final int percentileLookback;
    private final double highVolatilityPercentile;

    /**
     * A detector with its own periods and thresholds.
     *
     * @param adxPeriod                bars for ADX, ±DI and ATR (14 is the classic), at least 2
     * @param trendAdx                 ADX from which a trend counts (25 is the classic), in (0, 100)
     * @param volatilityWindow         bars of log returns per realized-volatility value, at least 2
     * @param percentileLookback       realized-volatility values the current one is ranked against, at least 2
     * @param highVolatilityPercentile rank from which volatility counts as high, in (0, 1)
     * @throws io.tradekit.api.InvalidInputException if a value is out of its range
     */
    public RegimeDetector(int adxPeriod, BigDecimal trendAdx, int volatilityWindow, int percentileLookback, double highVolatilityPercentile) {
        if (adxPeriod < 2) throw new InvalidInputException("regime ADX period must be at least 2, got " + adxPeriod);
        if (trendAdx == null || trendAdx.signum() <= 0 || trendAdx.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidInputException("regime trend ADX must be in (0, 100), got " + trendAdx);
        }
        if (volatilityWindow < 2) throw new InvalidInputException("regime volatility window must be at least 2 bars, got " + volatilityWindow);
        if (percentileLookback < 2) throw new InvalidInputException("regime percentile lookback must be at least 2, got " + percentileLookback);
        if (!(highVolatilityPercentile > 0 && highVolatilityPercentile < 1)) {
            throw new InvalidInputException("regime high-volatility percentile must be in (0, 1), got " + highVolatilityPercentile);
        }
        this.adxPeriod = adxPeriod;
        this.trendAdx = trendAdx;
        this.volatilityWindow = volatilityWindow;
        this.percentileLookback = percentileLookback;
        this.highVolatilityPercentile = highVolatilityPercentile;
    }

    /**
     * ADX 14 with a trend from 25, volatility over 20 bars ranked over 100, high from the 90th percentile.
     *
     * @return the detector with the classic settings; it needs 120 bars
     */
    public static RegimeDetector standard() {
        return new RegimeDetector(14, BigDecimal.valueOf(25), 20, 100, 0.9);
    }

    /**
     * How many bars {@link #detect} needs.
     *
     * @return the larger of lookback plus volatility window and three ADX periods plus one
     */
    public int minimumBars() {
        return Math.max(percentileLookback + volatilityWindow, 3 * adxPeriod + 1);
    }

    /**
     * Reads the regime at the last of {@code bars}. The detector keeps no state: it may be shared between threads.
     *
     * @param bars one symbol's bars, oldest first, at least {@link #minimumBars()}; only the last bars matter
     * @return the regime with the figures behind it, timed at the last bar's close
     * @throws io.tradekit.api.InvalidInputException if there are fewer bars than {@link #minimumBars()}
     */
    public RegimeReading detect(List<Bar> bars) {
        if (bars.size() < minimumBars()) {
            String symbol = bars.isEmpty() ? "the symbol" : bars.getFirst().symbol();
            throw new InvalidInputException("regime detection needs at least " + minimumBars() + " bars of " + symbol + ", got " + bars.size());
        }
        String symbol = bars.getFirst().symbol();
        BarSeries series = Ta4jSeries.of(symbol, bars);
        int end = series.getEndIndex();

        Num adx = new ADXIndicator(series, adxPeriod).getValue(end);
        Num plus = new PlusDIIndicator(series, adxPeriod).getValue(end);
        Num minus = new MinusDIIndicator(series, adxPeriod).getValue(end);
        ATRIndicator atr = new ATRIndicator(series, adxPeriod);
        Num trueRange = new TRIndicator(series).getValue(end);
        boolean shock = trueRange.isGreaterThanOrEqual(atr.getValue(end - 1).multipliedBy(series.numFactory().numOf(SHOCK_ATRS)));

        StandardDeviationIndicator volatility =
                new StandardDeviationIndicator(UnaryOperationIndicator.log(new ClosePriceRatioIndicator(series)), volatilityWindow);
        double[] history = new double[percentileLookback];
        for (int i = 0; i < percentileLookback; i++) {
            history[i] = volatility.getValue(end - percentileLookback + 1 + i).doubleValue();
        }
        double current = history[percentileLookback - 1];
        double percentile = Percentile.rank(current, history, SAME_VOLATILITY);

        MarketRegime regime;
        if (percentile >= highVolatilityPercentile || shock) {
            regime = MarketRegime.HIGH_VOLATILITY;
        } else if (adx.bigDecimalValue().compareTo(trendAdx) >= 0) {
            regime = plus.isGreaterThan(minus) ? MarketRegime.TRENDING_UP : MarketRegime.TRENDING_DOWN;
        } else {
            regime = MarketRegime.RANGING;
        }
        return new RegimeReading(symbol, bars.getLast().closeTime(), regime, tidy(adx), tidy(plus), tidy(minus),
                tidy(atr.getValue(end)), current, percentile, shock);
    }

    /** ta4j's decimals carry 32 digits and sometimes a zero with a scale in the thousands. */
    private static BigDecimal tidy(Num n) {
        return n.bigDecimalValue().round(MathContext.DECIMAL64).stripTrailingZeros();
    }
}
