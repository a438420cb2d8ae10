package io.tradekit.binance.sim;

import java.math.BigDecimal;

/**
 * What Binance shows of an order beyond the matching engine's view: its numeric id, wall-clock times,
 * the response type asked for and the quote quantity executed so far.
 */
final class SimOrder {
    final long orderId;
    final long createdMillis;
    long updatedMillis;
    BigDecimal cumulativeQuote = BigDecimal.ZERO;

    SimOrder(long orderId, long createdMillis) {
        this.orderId = orderId;
        this.createdMillis = createdMillis;
        this.updatedMillis = createdMillis;
    }
}
