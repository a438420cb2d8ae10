package io.tradekit.examples.modes;

import io.tradekit.api.OrderRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * An order a dry run would have sent, and when it decided to.
 *
 * @param time when the bot placed it (the dry run's clock)
 * @param request the order as the bot sent it to the venue
 */
public record WouldBeOrder(Instant time, OrderRequest request) {

    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException when {@code time} or {@code request} is null
     */
    public WouldBeOrder {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(request, "request");
    }

    /**
     * One line for people: {@code BUY LIMIT 0.5 ETHUSDT @ 1500.00 GTC (client order id eth-1f)}.
     *
     * @return side, type, quantity, symbol, limit price if any, time in force, reduce-only if so, and the client order id
     */
    public String describe() {
        return request.side() + " " + request.type() + " " + request.quantity().toPlainString() + " " + request.symbol()
                + request.limitPrice().map(p -> " @ " + p.toPlainString()).orElse("") + " " + request.timeInForce()
                + (request.reduceOnly() ? " reduce-only" : "") + " (client order id " + request.clientOrderId() + ")";
    }
}
