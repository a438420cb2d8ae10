package io.tradekit.core.sizing;

import java.math.BigDecimal;
import java.math.MathContext;

/** The most a buy can be when the free cash must pay for the order and its taker fee. */
final class Affordable {

    private Affordable() {
    }

    static BigDecimal quantity(BigDecimal quote, SizingInput in) {
        if (quote.signum() <= 0 || in.price().signum() <= 0) return BigDecimal.ZERO;
        return quote.divide(costPerUnit(in), MathContext.DECIMAL64);
    }

    static BigDecimal costPerUnit(SizingInput in) {
        return in.price().multiply(BigDecimal.ONE.add(in.feeRate()));
    }

    static BigDecimal byCash(SizingInput in) {
        return quantity(in.cash(), in);
    }
}
