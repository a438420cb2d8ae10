package io.tradekit.api.spi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * How close a bot is to one limit: {@code current} against {@code limit}, for the safety report.
 *
 * @param rule    the limit's name, e.g. {@code max-drawdown}
 * @param current where the bot is now, in the limit's unit
 * @param limit   the limit, in the same unit
 */
public record LimitUsage(String rule, BigDecimal current, BigDecimal limit) {
    /** Checks that every field is given. */
    public LimitUsage {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(limit, "limit");
    }

    /**
     * How much of the limit is used.
     *
     * @return current / limit (zero for a zero limit); 1 or more means the limit is reached
     */
    public BigDecimal ratio() {
        return limit.signum() == 0 ? BigDecimal.ZERO : current.divide(limit, MathContext.DECIMAL64);
    }
}
