package io.tradekit.grid;

/**
 * How much a price moves per bar, as fractions of the price (0.01 = 1 %): the standard deviation of
 * close-to-close log returns, and the average true range over the last close. Statistics, so doubles.
 * {@link VolatilityEstimator} computes it.
 *
 * @param perBarStdDev the sample standard deviation of log returns per bar, finite and at least 0
 * @param atrFraction  the average true range divided by the last close, finite and at least 0
 * @param bars         how many bars the estimate was taken over
 */
public record VolatilityEstimate(double perBarStdDev, double atrFraction, int bars) {
    /**
     * Checks the figures.
     *
     * @throws IllegalArgumentException if either figure is negative, NaN or infinite
     */
    public VolatilityEstimate {
        if (!(perBarStdDev >= 0) || Double.isInfinite(perBarStdDev)) {
            throw new IllegalArgumentException("perBarStdDev must be a finite number >= 0, got " + perBarStdDev);
        }
        if (!(atrFraction >= 0) || Double.isInfinite(atrFraction)) {
            throw new IllegalArgumentException("atrFraction must be a finite number >= 0, got " + atrFraction);
        }
    }
}
