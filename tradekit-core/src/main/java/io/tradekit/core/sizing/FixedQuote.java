package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;

/**
 * Spends the same quote amount every time, the taker fee included, never more than the free cash:
 * {@code new FixedQuote(new BigDecimal("100"))} buys what 100 USDT pays for, fee and all.
 *
 * @param quoteAmount the quote amount per order, fee included; positive
 */
public record FixedQuote(BigDecimal quoteAmount) implements PositionSizer {

    /**
     * Checks the amount.
     *
     * @throws InvalidInputException if it is null or not positive
     */
    public FixedQuote {
        if (quoteAmount == null || quoteAmount.signum() <= 0) {
            throw new InvalidInputException("fixed-quote sizing: amount must be positive, got " + quoteAmount);
        }
    }

    @Override
    public BigDecimal quantity(SizingInput in) {
        return Affordable.quantity(quoteAmount.min(in.cash()), in);
    }

    @Override
    public String describe() {
        return "fixed-quote:" + quoteAmount.stripTrailingZeros().toPlainString();
    }
}
