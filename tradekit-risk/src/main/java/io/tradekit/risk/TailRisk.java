package io.tradekit.risk;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Value at risk and expected shortfall for one period, as fractions (0.03 is a loss of 3 %): with the
 * given confidence the period's loss is not worse than {@code valueAtRisk}, and when it is worse it is
 * {@code expectedShortfall} on average. Positive numbers are losses. {@link ValueAtRisk} computes them.
 *
 * @param method            how the figures were estimated
 * @param confidence        the confidence level they hold at
 * @param valueAtRisk       the loss not exceeded with that confidence, as a fraction; negative when even the
 *                          tail is a gain
 * @param expectedShortfall the mean loss in the tail beyond the VaR, as a fraction
 */
public record TailRisk(VarMethod method, Confidence confidence, double valueAtRisk, double expectedShortfall) {

    /**
     * The VaR in money on an exposure of {@code notional}.
     *
     * @param notional the exposure, in quote currency
     * @return {@code notional * valueAtRisk}, in quote currency (64-bit decimal precision)
     */
    public BigDecimal valueAtRiskOn(BigDecimal notional) {
        return notional.multiply(BigDecimal.valueOf(valueAtRisk), MathContext.DECIMAL64);
    }

    /**
     * The expected shortfall in money on an exposure of {@code notional}.
     *
     * @param notional the exposure, in quote currency
     * @return {@code notional * expectedShortfall}, in quote currency (64-bit decimal precision)
     */
    public BigDecimal expectedShortfallOn(BigDecimal notional) {
        return notional.multiply(BigDecimal.valueOf(expectedShortfall), MathContext.DECIMAL64);
    }
}
