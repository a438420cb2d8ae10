package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How far size limits shrink as volatility rises: the full limit up to {@code fromPercentile}, then
 * linearly less, down to {@code minFactor} of it at the 100th percentile.
 *
 * <pre>{@code new VolatilityScaling(0.5, new BigDecimal("0.25")).factor(0.75) // 0.625}</pre>
 */
public record VolatilityScaling(double fromPercentile, BigDecimal minFactor) {

    public VolatilityScaling {
        if (!(fromPercentile >= 0 && fromPercentile < 1)) {
            throw new InvalidInputException("volatility scaling starts at a percentile in [0, 1), got " + fromPercentile);
        }
        if (minFactor == null || minFactor.signum() <= 0 || minFactor.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("volatility scaling's smallest factor must be in (0, 1], got " + minFactor);
        }
    }

    /** The factor for a volatility percentile in [0, 1]. */
    public BigDecimal factor(double percentile) {
        if (percentile <= fromPercentile) return BigDecimal.ONE;
        double p = Math.min(1, percentile);
        BigDecimal span = BigDecimal.ONE.subtract(minFactor);
        BigDecimal progress = BigDecimal.valueOf((p - fromPercentile) / (1 - fromPercentile));
        return BigDecimal.ONE.subtract(span.multiply(progress), MathContext.DECIMAL64).stripTrailingZeros();
    }
}
