package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a venue's risk limit table: positions whose notional is at most {@code upToNotional}
 * (null: no upper bound, the last tier) may use up to {@code maxLeverage}, and keep a maintenance margin
 * of {@code notional × maintenanceMarginRate − maintenanceDeduction} (the deduction makes the tiers join
 * without a jump, as Binance's "maintenance amount" and Bybit's "mmDeduction" do; zero for one tier).
 *
 * <pre>{@code new MarginTier(null, new BigDecimal("50"), new BigDecimal("0.005"), BigDecimal.ZERO)}</pre>
 *
 * @param upToNotional          the largest position notional of this tier; null for the last, unbounded one
 * @param maxLeverage           the highest leverage allowed in this tier, at least 1
 * @param maintenanceMarginRate the maintenance margin as a fraction of notional, in [0, 1)
 * @param maintenanceDeduction  subtracted from notional × rate (null is zero)
 */
public record MarginTier(BigDecimal upToNotional, BigDecimal maxLeverage, BigDecimal maintenanceMarginRate,
                         BigDecimal maintenanceDeduction) {

    /** Checks the figures' ranges; a missing deduction is zero. */
    public MarginTier {
        if (upToNotional != null && upToNotional.signum() <= 0) {
            throw new InvalidInputException("margin tier: upToNotional must be positive, got " + upToNotional);
        }
        Objects.requireNonNull(maxLeverage, "maxLeverage");
        if (maxLeverage.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInputException("margin tier: maxLeverage must be at least 1, got " + maxLeverage);
        }
        Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
        if (maintenanceMarginRate.signum() < 0 || maintenanceMarginRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException("margin tier: maintenanceMarginRate must be in [0, 1), got " + maintenanceMarginRate);
        }
        maintenanceDeduction = maintenanceDeduction == null ? BigDecimal.ZERO : maintenanceDeduction;
        if (maintenanceDeduction.signum() < 0) {
            throw new InvalidInputException("margin tier: maintenanceDeduction must not be negative, got " + maintenanceDeduction);
        }
    }

    /**
     * Whether a position of {@code notional} falls in this tier or a lower one.
     *
     * @param notional the position's absolute notional in the quote asset
     * @return true when it is at most {@code upToNotional}, or this tier has no bound
     */
    public boolean covers(BigDecimal notional) {
        return upToNotional == null || notional.compareTo(upToNotional) <= 0;
    }
}
