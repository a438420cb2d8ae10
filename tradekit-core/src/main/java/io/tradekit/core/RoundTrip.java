package io.tradekit.core;

import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A closed trade: {@code quantity} of a position opened on {@code side} at {@code entryPrice} (the
 * position's average cost) and closed at {@code exitPrice}. {@code fees} are the entry fees attributed
 * to the closed quantity plus the exit fee; {@code pnl} is net of them. {@code exitReason} says what sent the
 * closing order.
 */
public record RoundTrip(String symbol, Side side, Instant entryTime, Instant exitTime, BigDecimal entryPrice,
                        BigDecimal exitPrice, BigDecimal quantity, BigDecimal fees, BigDecimal pnl,
                        ExitReason exitReason) {

    /** A round trip closed by the strategy's own signal. */
    public RoundTrip(String symbol, Side side, Instant entryTime, Instant exitTime, BigDecimal entryPrice,
                     BigDecimal exitPrice, BigDecimal quantity, BigDecimal fees, BigDecimal pnl) {
        this(symbol, side, entryTime, exitTime, entryPrice, exitPrice, quantity, fees, pnl, ExitReason.SIGNAL);
    }

    public boolean isWin() {
        return pnl.signum() > 0;
    }
}
