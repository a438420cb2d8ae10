package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How far size limits shrink as volatility rises: the full limit up to {@code fromPercentile}, then
 * linearly less, down to {@code minFactor} of it at the 100th percentile. {@link VolatilityScaledPolicy}
 * applies it to the volatility percentile of a {@link RegimeReading}.
 *
 * <pre>{@code new VolatilityScaling(0.5, new BigDecimal("0.25")).factor(0.75) // 0.625}</pre>
 *
 * @param fromPercentile the volatility percentile, in [0, 1), up to which limits stay whole
 * @param minFactor      the share of the limit left at the 100th percentile, in (0, 1]
 */
public record VolatilityScaling(double fromPercentile, BigDecimal minFactor) {

    /**
     * Checks the bounds.
     *
     * @throws io.tradekit.api.InvalidInputException if {@code fromPercentile} is outside [0, 1) or
     *         {@code minFactor} is null or outside (0, 1]
     */
    public VolatilityScaling {
        if (!(fromPercentile >= 0 && fromPercentile < 1)) {
            throw new InvalidInputException("volatility scaling starts at a percentile in [0, 1), got " + fromPercentile);
        }
        if (minFactor == null || minFactor.signum() <= 0 || minFactor.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("volatility scaling's smallest factor must be in (0, 1], got " + minFactor);
        }
    }

    /**
     * The factor for a volatility percentile.
     *
     * @param percentile the volatility percentile, in [0, 1]; values above 1 count as 1
     * @return the share of the limit that applies, from 1 down to {@code minFactor}
     */
    public BigDecimal factor(double percentile) {
        if (percentile <= fromPercentile) return BigDecimal.ONE;
        double p = Math.min(1, percentile);
        BigDecimal span = BigDecimal.ONE.subtract(minFactor);
        BigDecimal progress = BigDecimal.valueOf((p - fromPercentile) / (1 - fromPercentile));
        return BigDecimal.ONE.subtract(span.multiply(progress), MathContext.DECIMAL64).stripTrailingZeros();
    }
}
