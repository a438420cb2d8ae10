package io.tradekit.api.spi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** How close a bot is to one limit: {@code current} against {@code limit}, for the safety report. */
public record LimitUsage(String rule, BigDecimal current, BigDecimal limit) {
    public LimitUsage {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(limit, "limit");
    }

    /** current / limit; 1 or more means the limit is reached. */
    public BigDecimal ratio() {
        return limit.signum() == 0 ? BigDecimal.ZERO : current.divide(limit, MathContext.DECIMAL64);
    }
}
