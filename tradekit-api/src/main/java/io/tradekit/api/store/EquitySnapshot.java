package io.tradekit.api.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The account's value at one instant. */
public record EquitySnapshot(Instant time, BigDecimal equity, BigDecimal cash, BigDecimal realizedPnl, BigDecimal unrealizedPnl) {
    public EquitySnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
    }
}
