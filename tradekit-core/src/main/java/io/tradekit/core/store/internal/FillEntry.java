package io.tradekit.core.store.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.Side;

import java.math.BigDecimal;

/**
 * The part of a journal fill that integrity checks need: whose it is, in what, and how much each way.
 * Reading only these columns of 100 000 fills is several times cheaper than reading whole fills.
 */
public record FillEntry(String clientOrderId, String symbol, Side side, BigDecimal quantity) {

    public static FillEntry of(Fill fill) {
        return new FillEntry(fill.clientOrderId(), fill.symbol(), fill.side(), fill.quantity());
    }

    /** The quantity with the sign it gives a position: positive for a buy, negative for a sell. */
    public BigDecimal signedQuantity() {
        return side.sign() > 0 ? quantity : quantity.negate();
    }
}
