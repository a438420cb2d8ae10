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
 */
public record MarginTier(BigDecimal upToNotional, BigDecimal maxLeverage, BigDecimal maintenanceMarginRate,
                         BigDecimal maintenanceDeduction) {

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

    /** Whether a position of {@code notional} (absolute) falls in this tier or a lower one. */
    public boolean covers(BigDecimal notional) {
        return upToNotional == null || notional.compareTo(upToNotional) <= 0;
    }
}
