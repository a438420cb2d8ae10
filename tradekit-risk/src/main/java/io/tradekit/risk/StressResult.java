package io.tradekit.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one {@link PriceShock} would do to the book now, as {@link StressTest} computes it.
 *
 * @param shock          the shock applied
 * @param pnl            the change in equity, in quote currency
 * @param equityAfter    the equity after the shock, in quote currency
 * @param drawdownAfter  the drawdown from the equity peak after the shock, as a fraction
 * @param dailyLossAfter the loss since the start of the trading day after the shock, in quote currency
 * @param breachedRules  the limits ({@code max-drawdown}, {@code max-daily-loss}) the shock would reach
 */
public record StressResult(PriceShock shock, BigDecimal pnl, BigDecimal equityAfter, BigDecimal drawdownAfter,
                           BigDecimal dailyLossAfter, List<String> breachedRules) {

    /** Copies {@code breachedRules} into an unmodifiable list. */
    public StressResult {
        breachedRules = List.copyOf(breachedRules);
    }

    /**
     * Whether the shock reaches a limit or leaves no equity.
     *
     * @return true if a limit is breached or {@code equityAfter} is zero or less
     */
    public boolean breaches() {
        return !breachedRules.isEmpty() || equityAfter.signum() <= 0;
    }
}
