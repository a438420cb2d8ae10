package io.tradekit.risk;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Value at risk and expected shortfall for one period, as fractions (0.03 is a loss of 3 %): with the
 * given confidence the period's loss is not worse than {@code valueAtRisk}, and when it is worse it is
 * {@code expectedShortfall} on average. Positive numbers are losses.
 */
public record TailRisk(VarMethod method, Confidence confidence, double valueAtRisk, double expectedShortfall) {

    /** The VaR in money on an exposure of {@code notional}. */
    public BigDecimal valueAtRiskOn(BigDecimal notional) {
        return notional.multiply(BigDecimal.valueOf(valueAtRisk), MathContext.DECIMAL64);
    }

    /** The expected shortfall in money on an exposure of {@code notional}. */
    public BigDecimal expectedShortfallOn(BigDecimal notional) {
        return notional.multiply(BigDecimal.valueOf(expectedShortfall), MathContext.DECIMAL64);
    }
}
