package io.tradekit.api.spi;

import io.tradekit.api.Order;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link StrategyContext#submit}: the order that was written ahead and sent ({@link Sent}), or who
 * refused it and why ({@link Denied}). A refusal is also published as a {@code BotEvent.OrderDenied}. Sealed, so a
 * {@code switch} over it covers both:
 *
 * <pre>{@code switch (ctx.submit(intent)) {
 *     case Submission.Sent s -> track(s.sentOrder().clientOrderId());
 *     case Submission.Denied d -> log.info("{} refused: {}", d.deniedBy(), d.reason());
 * }}</pre>
 */
public sealed interface Submission permits Submission.Sent, Submission.Denied {

    /**
     * The order, when it was sent.
     *
     * @return the order as written ahead, empty when denied
     */
    Optional<Order> order();

    /**
     * Who refused it.
     *
     * @return the check or policy that refused it (e.g. {@code max-drawdown}); empty when sent
     */
    String deniedBy();

    /**
     * Why it was refused.
     *
     * @return the reason with the figures; empty when sent
     */
    String reason();

    /**
     * Whether the order was written ahead and sent.
     *
     * @return true for {@link Sent}
     */
    default boolean isSent() {
        return this instanceof Sent;
    }

    /**
     * The client order id of a sent order.
     *
     * @return the id, empty when denied
     */
    default String clientOrderId() {
        return order().map(Order::clientOrderId).orElse("");
    }

    /**
     * An order that was written ahead and sent.
     *
     * @param order the order
     * @return the outcome
     */
    static Submission sent(Order order) {
        return new Sent(order);
    }

    /**
     * A refusal.
     *
     * @param deniedBy the check or policy that refused it
     * @param reason   why
     * @return the outcome
     */
    static Submission denied(String deniedBy, String reason) {
        return new Denied(deniedBy, reason);
    }

    /**
     * The order was written ahead and sent.
     *
     * @param sentOrder the order as written ahead
     */
    record Sent(Order sentOrder) implements Submission {
        /** Checks that the order is given. */
        public Sent {
            Objects.requireNonNull(sentOrder, "sentOrder");
        }

        @Override
        public Optional<Order> order() {
            return Optional.of(sentOrder);
        }

        @Override
        public String deniedBy() {
            return "";
        }

        @Override
        public String reason() {
            return "";
        }
    }

    /**
     * The order was refused before it was sent.
     *
     * @param deniedBy the check or policy that refused it (null is empty)
     * @param reason   why (null is empty)
     */
    record Denied(String deniedBy, String reason) implements Submission {
        /** Missing texts are empty. */
        public Denied {
            deniedBy = deniedBy == null ? "" : deniedBy;
            reason = reason == null ? "" : reason;
        }

        @Override
        public Optional<Order> order() {
            return Optional.empty();
        }
    }
}
