package io.tradekit.examples.modes;

import io.tradekit.api.OrderRequest;

import java.time.Instant;
import java.util.Objects;

/** An order a dry run would have sent, and when it decided to. */
public record WouldBeOrder(Instant time, OrderRequest request) {

    public WouldBeOrder {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(request, "request");
    }

    /** One line for people: {@code BUY LIMIT 0.5 ETHUSDT @ 1500.00 GTC (client order id eth-1f)}. */
    public String describe() {
        return request.side() + " " + request.type() + " " + request.quantity().toPlainString() + " " + request.symbol()
                + request.limitPrice().map(p -> " @ " + p.toPlainString()).orElse("") + " " + request.timeInForce()
                + (request.reduceOnly() ? " reduce-only" : "") + " (client order id " + request.clientOrderId() + ")";
    }
}
