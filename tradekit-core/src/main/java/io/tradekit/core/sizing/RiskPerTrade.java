package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sizes a long so that being stopped out loses {@code fraction} of equity, fees included: with entry
 * price {@code p}, stop distance {@code d} and fee rate {@code f}, each unit loses {@code d} plus the
 * entry fee {@code p·f} and the exit fee {@code (p - d)·f}, so
 * {@code quantity = equity · fraction / (d + f·(2p - d))}; never more than the free cash pays for.
 * The stop distance comes from the bot's stop-loss protection; without one the order is refused.
 *
 * <pre>{@code new RiskPerTrade(new BigDecimal("0.01")) // risk 1 % of equity per trade}</pre>
 *
 * @param fraction the share of equity lost at the stop, in (0, 1): 0.01 is 1 %
 */
public record RiskPerTrade(BigDecimal fraction) implements PositionSizer {

    /**
     * Checks the fraction.
     *
     * @throws InvalidInputException if it is null or not in (0, 1)
     */
    public RiskPerTrade {
        if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException("risk-per-trade sizing: fraction must be in (0, 1), got " + fraction
                    + (fraction != null && fraction.compareTo(BigDecimal.ONE) >= 0 ? " (write 0.01 for 1 %)" : ""));
        }
    }

    @Override
    public BigDecimal quantity(SizingInput in) {
        BigDecimal d = in.stopDistance().orElseThrow(() -> new InvalidInputException(
                "risk-per-trade sizing needs a stop distance: give the bot a stop-loss protection, e.g. .protection(Protections.stopLossPercent(...))"));
        if (d.signum() <= 0 || d.compareTo(in.price()) >= 0) {
            throw new InvalidInputException("risk-per-trade sizing: stop distance must be above zero and below the price "
                    + in.price().toPlainString() + ", got " + d.toPlainString());
        }
        BigDecimal lossPerUnit = d.add(in.feeRate().multiply(in.price().multiply(BigDecimal.TWO).subtract(d)));
        BigDecimal atRisk = in.equity().multiply(fraction);
        if (atRisk.signum() <= 0) return BigDecimal.ZERO;
        return atRisk.divide(lossPerUnit, MathContext.DECIMAL64).min(Affordable.byCash(in));
    }

    @Override
    public String describe() {
        return "risk:" + fraction.stripTrailingZeros().toPlainString();
    }
}
