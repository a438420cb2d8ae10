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
        boolean lowFirst = bar.open().subtract(bar.low()).compareTo(bar.high().subtract(bar.open())) <= 0;
        BigDecimal first = lowFirst ? bar.low() : bar.high();
        BigDecimal second = lowFirst ? bar.high() : bar.low();
        return new PricePoint[]{
                new PricePoint(bar.open(), open, true),
                new PricePoint(first, open.plusNanos(third), false),
                new PricePoint(second, open.plusNanos(2 * third), false),
                new PricePoint(bar.close(), closeTime, false)};
    }
}
