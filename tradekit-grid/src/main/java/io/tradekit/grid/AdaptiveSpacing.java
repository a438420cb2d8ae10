package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Spacing that follows volatility: each time the grid is built, its spacing is
 * {@code blend * ATR(atrPeriod) + (1 - blend) * fixed spacing} (the ATR from ta4j, as a percent of the
 * price when the spacing is in percent), and its centre is tilted along the trend: by the slope of a
 * ta4j simple moving average over {@code atrPeriod} bars, in whole levels, at most half the levels of
 * one side. An uptrend moves the centre up, so the grid holds more inventory while prices rise.
 */
public record AdaptiveSpacing(int atrPeriod, BigDecimal blend) {

    public AdaptiveSpacing {
        Objects.requireNonNull(blend, "blend");
        if (atrPeriod < 2 || atrPeriod > 1000) throw new InvalidInputException("grid: 'atr-period' is " + atrPeriod + ", expected 2 to 1000 bars");
        if (blend.signum() < 0 || blend.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("grid: 'atr-blend' is " + blend.toPlainString() + ", expected 0 to 1");
        }
    }

    /** ATR over 14 bars, blended half and half with the fixed spacing. */
    public static AdaptiveSpacing standard() {
        return new AdaptiveSpacing(14, new BigDecimal("0.5"));
    }

    /** Bars needed before the first grid: the ATR's period and the trend's look-back. */
    public int barsNeeded() {
        return 2 * atrPeriod + 1;
    }
}
