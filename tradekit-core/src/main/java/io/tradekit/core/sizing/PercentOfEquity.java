package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;

/**
 * Spends a fraction of equity, never more than the free cash, leaving room for the taker fee so that
 * the order is affordable: {@code new PercentOfEquity(new BigDecimal("0.5"))} uses half the equity.
 *
 * @param fraction the share of equity per order, in (0, 1]: 0.5 is half
 */
public record PercentOfEquity(BigDecimal fraction) implements PositionSizer {

    /**
     * Checks the fraction.
     *
     * @throws InvalidInputException if it is null or not in (0, 1]
     */
    public PercentOfEquity {
        if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("percent-of-equity sizing: fraction must be in (0, 1], got " + fraction);
        }
    }

    /**
     * All of the equity (as the free cash allows).
     *
     * @return the sizer with fraction 1
     */
    public static PercentOfEquity all() {
        return new PercentOfEquity(BigDecimal.ONE);
    }

    @Override
    public BigDecimal quantity(SizingInput in) {
        return Affordable.quantity(in.equity().multiply(fraction).min(in.cash()), in);
    }

    @Override
    public String describe() {
        return "percent:" + fraction.stripTrailingZeros().toPlainString();
    }
}
