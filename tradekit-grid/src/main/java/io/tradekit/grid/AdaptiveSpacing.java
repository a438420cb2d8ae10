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
 *
 * @param atrPeriod bars of the ATR and of the trend's moving average, 2 to 1000
 * @param blend     the ATR's weight in the spacing, 0 to 1: 0 keeps the fixed spacing, 1 uses the ATR alone
 */
public record AdaptiveSpacing(int atrPeriod, BigDecimal blend) {

    /**
     * Checks the ranges.
     *
     * @throws NullPointerException if {@code blend} is null
     * @throws io.tradekit.api.InvalidInputException if {@code atrPeriod} is outside 2..1000 or {@code blend} outside 0..1,
     *         naming the setting ({@code atr-period}, {@code atr-blend})
     */
    public AdaptiveSpacing {
        Objects.requireNonNull(blend, "blend");
        if (atrPeriod < 2 || atrPeriod > 1000) throw new InvalidInputException("grid: 'atr-period' is " + atrPeriod + ", expected 2 to 1000 bars");
        if (blend.signum() < 0 || blend.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("grid: 'atr-blend' is " + blend.toPlainString() + ", expected 0 to 1");
        }
    }

    /**
     * ATR over 14 bars, blended half and half with the fixed spacing.
     *
     * @return {@code new AdaptiveSpacing(14, 0.5)}
     */
    public static AdaptiveSpacing standard() {
        return new AdaptiveSpacing(14, new BigDecimal("0.5"));
    }

    /**
     * Bars needed before the first grid: the ATR's period and the trend's look-back.
     *
     * @return {@code 2 * atrPeriod + 1}
     */
    public int barsNeeded() {
        return 2 * atrPeriod + 1;
    }
}
