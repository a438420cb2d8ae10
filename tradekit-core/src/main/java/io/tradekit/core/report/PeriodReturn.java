package io.tradekit.core.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one calendar period of a run ended: {@code period} is a UTC day ({@code 2023-03-13}) or month
 * ({@code 2023-03}), {@code equity} the equity at its close, and {@code returnPct} the change from the
 * close of the period before (the initial cash for the first), in percent.
 *
 * @param period the UTC day ({@code 2023-03-13}) or month ({@code 2023-03})
 * @param equity the equity at the period's close, in the quote asset
 * @param returnPct the change from the previous close, in percent (1.5 is 1.5 %)
 */
public record PeriodReturn(String period, BigDecimal equity, BigDecimal returnPct) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PeriodReturn {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(returnPct, "returnPct");
    }
}
