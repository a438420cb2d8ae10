package io.tradekit.binance.sim;

import java.math.BigDecimal;

/** One account trade as {@code GET /api/v3/myTrades} lists it. */
record SimTrade(long id, String symbol, long orderId, String clientOrderId, BigDecimal price, BigDecimal qty,
                BigDecimal commission, String commissionAsset, long time, boolean buyer, boolean maker) {
}
