package io.tradekit.grid.internal;

import io.tradekit.grid.AdaptiveSpacing;
import io.tradekit.grid.SpacingUnit;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Adaptive spacing and trend tilt from ta4j indicators on the bot's bars: the spacing blends ta4j's
 * ATR with the fixed spacing; the tilt is how many levels the simple moving average moved over the last
 * {@code atrPeriod} bars, capped, so that the centre leans along the trend.
 */
final class AdaptiveGeometry {

    private static final MathContext SIX_DIGITS = new MathContext(6);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** The spacing to use (in the fixed spacing's unit) and the centre's shift in levels. */
    record Adjustment(BigDecimal spacing, int tiltLevels) {
    }

    private AdaptiveGeometry() {
    }

    static Adjustment adjust(BarSeries series, AdaptiveSpacing adaptive, BigDecimal fixedSpacing, SpacingUnit unit, BigDecimal price,
                             int maxTilt) {
        int end = series.getEndIndex();
        int period = adaptive.atrPeriod();
        double atr = new ATRIndicator(series, period).getValue(end).doubleValue();
        double atrInUnit = unit == SpacingUnit.ABSOLUTE ? atr : atr / price.doubleValue() * 100.0;
        double blend = adaptive.blend().doubleValue();
        double blended = blend * atrInUnit + (1.0 - blend) * fixedSpacing.doubleValue();
        if (!(blended > 0) || Double.isInfinite(blended)) return new Adjustment(fixedSpacing, 0);
        BigDecimal spacing = new BigDecimal(blended).round(SIX_DIGITS);

        int tilt = 0;
        if (end - period >= series.getBeginIndex() + period - 1) {
            SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(series), period);
            double slope = sma.getValue(end).doubleValue() - sma.getValue(end - period).doubleValue();
            double spacingInPrice = unit == SpacingUnit.ABSOLUTE ? blended : price.doubleValue() * blended / 100.0;
            long levels = Math.round(slope / spacingInPrice);
            tilt = (int) Math.max(-maxTilt, Math.min(maxTilt, levels));
        }
        return new Adjustment(spacing, tilt);
    }

    /** The price {@code levels} spacings away from {@code price}. */
    static BigDecimal shift(BigDecimal price, BigDecimal spacing, SpacingUnit unit, int levels) {
        BigDecimal step = unit == SpacingUnit.ABSOLUTE ? spacing : price.multiply(spacing).divide(HUNDRED);
        return price.add(step.multiply(BigDecimal.valueOf(levels)));
    }
}
