package io.tradekit.core.sizing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The most a buy can be when the free cash must pay for the order and its taker fee; on a derivatives
 * instrument the cash pays the margin ({@code notional / leverage}) and the fee on the whole notional.
 */
final class Affordable {

    private Affordable() {
    }

    static BigDecimal quantity(BigDecimal quote, SizingInput in) {
        if (quote.signum() <= 0 || in.price().signum() <= 0) return BigDecimal.ZERO;
        return quote.divide(costPerUnit(in), MathContext.DECIMAL64);
    }

    static BigDecimal costPerUnit(SizingInput in) {
        if (!in.instrument().isDerivative()) return in.price().multiply(BigDecimal.ONE.add(in.feeRate()));
        BigDecimal marginRate = BigDecimal.ONE.divide(in.leverage(), MathContext.DECIMAL64);
        return in.instrument().notional(BigDecimal.ONE, in.price()).multiply(marginRate.add(in.feeRate()));
    }

    static BigDecimal byCash(SizingInput in) {
        return quantity(in.cash(), in);
    }
}
