package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;

/**
 * The same base quantity every time, never more than the free cash pays for with the fee:
 * {@code new FixedQuantity(new BigDecimal("0.01"))} buys 0.01 BTC.
 *
 * @param baseQuantity the quantity of the base asset per order; positive
 */
public record FixedQuantity(BigDecimal baseQuantity) implements PositionSizer {

    /**
     * Checks the quantity.
     *
     * @throws InvalidInputException if it is null or not positive
     */
    public FixedQuantity {
        if (baseQuantity == null || baseQuantity.signum() <= 0) {
            throw new InvalidInputException("fixed-quantity sizing: quantity must be positive, got " + baseQuantity);
        }
    }

    @Override
    public BigDecimal quantity(SizingInput in) {
        return baseQuantity.min(Affordable.byCash(in));
    }

    @Override
    public String describe() {
        return "fixed-qty:" + baseQuantity.stripTrailingZeros().toPlainString();
    }
}
