package io.tradekit.api;

import java.util.Optional;

/**
 * What {@link io.tradekit.api.spi.ExchangeAdapter#cancelReplace} did: each half succeeded (its order) or
 * failed (its error), as the venue reports them (Binance: {@code cancelResponse} and {@code newOrderResponse}). A partial failure (Binance:
 * HTTP 409, -2021) is a result, not an exception: the cancel may have gone through while the new order was refused,
 * or the other way round, and the caller must know which.
 *
 * @param canceled      the cancelled order, when the cancel succeeded
 * @param cancelError   why the cancel failed, when it did
 * @param placed        the new order's acknowledgement, when it was placed
 * @param newOrderError why the new order failed, when it was attempted and failed
 */
public record CancelReplaceResult(Optional<Order> canceled, Optional<ExchangeException> cancelError, Optional<OrderAck> placed,
                                  Optional<ExchangeException> newOrderError) {

    /**
     * Whether both halves succeeded.
     *
     * @return true when the old order was cancelled and the new one placed
     */
    public boolean succeeded() {
        return canceled.isPresent() && placed.isPresent();
    }
}
