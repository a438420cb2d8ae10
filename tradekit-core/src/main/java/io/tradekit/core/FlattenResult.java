package io.tradekit.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a flatten did: the orders it cancelled, the closing orders it sent (retries and re-priced
 * orders included), what is left of the positions, how long it took on the bot's clock, and what
 * failed on the way. {@link Outcome#RUNNING} marks a snapshot of a flatten still at work (a caller's
 * wait ran out); the others are final.
 */
public record FlattenResult(String reason, Outcome outcome, List<String> cancelledOrders, List<String> closingOrders,
                            BigDecimal residualQuantity, Duration duration, List<String> errors) {

    /** How a flatten ended. */
    public enum Outcome {
        /** Every position is closed. */
        FLAT,
        /** What is left is below the instrument's minimums (dust): no order can sell it. */
        DUST,
        /** Retries or time ran out with a sellable quantity left; see the errors. */
        GAVE_UP,
        /** Still at work. */
        RUNNING
    }

    public FlattenResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
        cancelledOrders = List.copyOf(cancelledOrders);
        closingOrders = List.copyOf(closingOrders);
        Objects.requireNonNull(residualQuantity, "residualQuantity");
        Objects.requireNonNull(duration, "duration");
        errors = List.copyOf(errors);
    }

    public int ordersCancelled() {
        return cancelledOrders.size();
    }

    public boolean isFlat() {
        return residualQuantity.signum() == 0;
    }

    public boolean isDone() {
        return outcome != Outcome.RUNNING;
    }
}
