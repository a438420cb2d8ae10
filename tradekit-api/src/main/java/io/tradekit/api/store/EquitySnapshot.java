package io.tradekit.api.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's value at one instant.
 *
 * @param time          the instant
 * @param equity        cash plus positions at the mark
 * @param cash          free cash in the quote asset
 * @param realizedPnl   PnL realized so far
 * @param unrealizedPnl open positions' PnL at the mark
 */
public record EquitySnapshot(Instant time, BigDecimal equity, BigDecimal cash, BigDecimal realizedPnl, BigDecimal unrealizedPnl) {
    /** Checks that every figure is given. */
    public EquitySnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
    }
}
