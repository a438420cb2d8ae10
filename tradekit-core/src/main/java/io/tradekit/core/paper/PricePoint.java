package io.tradekit.core.paper;

import io.tradekit.api.Bar;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of a bar's price path: where the market stands and when. A {@code gap} point is reached by
 * a jump (the open after the previous close), so an order it crosses fills at the point's price; any
 * other point is reached by trading through every price on the way, so an order fills at its own level.
 *
 * <p>{@link #pathOf(Bar)} gives the usual path of a bar: open, the nearer of high and low, the other,
 * close, a third of the bar apart (the open at the bar's open time, the close at its close time).
 *
 * @param price the market price at this point
 * @param time when the market is there
 * @param gap whether the point is reached by a jump, so that an order it crosses fills at this price
 */
public record PricePoint(BigDecimal price, Instant time, boolean gap) {

    /**
     * The bar's four points: open (a gap), the nearer extreme, the other, close.
     *
     * @param bar the bar
     * @return a new array of four points in path order
     */
    public static PricePoint[] pathOf(Bar bar) {
        return pathOf(bar, bar.closeTime());
    }

    /**
     * {@link #pathOf(Bar)} for a caller that has the bar's {@link Bar#closeTime() close time} already: the close point's time.
     *
     * @param bar the bar
     * @param closeTime {@code bar.closeTime()}, made once by the caller
     * @return a new array of four points in path order
     */
    public static PricePoint[] pathOf(Bar bar, Instant closeTime) {
        Instant open = bar.openTime();
        // Nanosecond arithmetic: Duration.dividedBy goes through BigDecimal, and this runs for every bar.
        long third = bar.timeframe().duration().toNanos() / 3;
        // Ties go to the low first: a bar that opens midway is taken as falling first, the worse case for a long.
        boolean lowFirst = lowNearer(bar.open(), bar.high(), bar.low());
        BigDecimal first = lowFirst ? bar.low() : bar.high();
        BigDecimal second = lowFirst ? bar.high() : bar.low();
        return new PricePoint[]{
                new PricePoint(bar.open(), open, true),
                new PricePoint(first, open.plusNanos(third), false),
                new PricePoint(second, open.plusNanos(2 * third), false),
                new PricePoint(bar.close(), closeTime, false)};
    }

    /**
     * Whether the low is at least as near the open as the high: {@code open - low <= high - open}, that is
     * {@code 2 open <= high + low}. Decided in doubles when they are clearly apart (no allocation, every bar), exactly
     * in decimals when they are within rounding of each other.
     */
    static boolean lowNearer(BigDecimal open, BigDecimal high, BigDecimal low) {
        double o = open.doubleValue();
        double margin = 2 * o - high.doubleValue() - low.doubleValue();
        // Each conversion is within half an ulp; 1e-12 of the price is far beyond their sum and far below a tick.
        if (Math.abs(margin) > Math.abs(o) * 1e-12) return margin < 0;
        return open.subtract(low).compareTo(high.subtract(open)) <= 0;
    }
}
