package io.tradekit.core;

import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A closed trade: {@code quantity} of a position opened on {@code side} at {@code entryPrice} (the
 * position's average cost) and closed at {@code exitPrice}. {@code fees} are the entry fees attributed
 * to the closed quantity plus the exit fee; {@code pnl} is net of them. {@code exitReason} says what sent the
 * closing order. Prices, fees and pnl are in the quote asset.
 *
 * @param symbol     the instrument traded
 * @param side       the side the position was opened on ({@code BUY} for a long)
 * @param entryTime  when the position was opened
 * @param exitTime   when it was closed
 * @param entryPrice the position's average cost per unit
 * @param exitPrice  the price it was closed at
 * @param quantity   the quantity closed, in the base asset
 * @param fees       the entry fees attributed to the closed quantity plus the exit fee
 * @param pnl        the profit or loss, net of {@code fees}; negative for a loss
 * @param exitReason what sent the closing order
 */
public record RoundTrip(String symbol, Side side, Instant entryTime, Instant exitTime, BigDecimal entryPrice,
                        BigDecimal exitPrice, BigDecimal quantity, BigDecimal fees, BigDecimal pnl,
                        ExitReason exitReason) {

    /**
     * A round trip closed by the strategy's own signal ({@link ExitReason#SIGNAL}).
     *
     * @param symbol     the instrument traded
     * @param side       the side the position was opened on
     * @param entryTime  when the position was opened
     * @param exitTime   when it was closed
     * @param entryPrice the position's average cost per unit
     * @param exitPrice  the price it was closed at
     * @param quantity   the quantity closed, in the base asset
     * @param fees       the entry fees attributed to the closed quantity plus the exit fee
     * @param pnl        the profit or loss, net of {@code fees}
     */
    public RoundTrip(String symbol, Side side, Instant entryTime, Instant exitTime, BigDecimal entryPrice,
                     BigDecimal exitPrice, BigDecimal quantity, BigDecimal fees, BigDecimal pnl) {
        this(symbol, side, entryTime, exitTime, entryPrice, exitPrice, quantity, fees, pnl, ExitReason.SIGNAL);
    }

    /**
     * Whether the trade made money after fees.
     *
     * @return true if {@code pnl} is above zero; a trade that broke even is not a win
     */
    public boolean isWin() {
        return pnl.signum() > 0;
    }
}
