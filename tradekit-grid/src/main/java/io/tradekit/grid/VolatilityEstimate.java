package io.tradekit.grid;

/**
 * How much a price moves per bar, as fractions of the price (0.01 = 1 %): the standard deviation of
 * close-to-close log returns, and the average true range over the last close. Statistics, so doubles.
 */
public record VolatilityEstimate(double perBarStdDev, double atrFraction, int bars) {
    public VolatilityEstimate {
        if (!(perBarStdDev >= 0) || Double.isInfinite(perBarStdDev)) {
            throw new IllegalArgumentException("perBarStdDev must be a finite number >= 0, got " + perBarStdDev);
        }
        if (!(atrFraction >= 0) || Double.isInfinite(atrFraction)) {
            throw new IllegalArgumentException("atrFraction must be a finite number >= 0, got " + atrFraction);
        }
    }
}
