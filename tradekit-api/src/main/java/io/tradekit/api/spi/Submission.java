package io.tradekit.api.spi;

import io.tradekit.api.Order;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link StrategyContext#submit}: the order that was written ahead and sent, or who
 * refused it and why. A refusal is also published as a {@code BotEvent.OrderDenied}.
 */
public record Submission(Optional<Order> order, String deniedBy, String reason) {

    public Submission {
        Objects.requireNonNull(order, "order");
        deniedBy = deniedBy == null ? "" : deniedBy;
        reason = reason == null ? "" : reason;
    }

    public static Submission sent(Order order) {
        return new Submission(Optional.of(order), "", "");
    }

    public static Submission denied(String deniedBy, String reason) {
        return new Submission(Optional.empty(), deniedBy, reason);
    }

    public boolean isSent() {
        return order.isPresent();
    }

    public String clientOrderId() {
        return order.map(Order::clientOrderId).orElse("");
    }
}
