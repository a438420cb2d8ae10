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
 *
 * <p>The control plane serves it as JSON: its fields by name, as when it was a record.
 */
@com.fasterxml.jackson.annotation.JsonAutoDetect(fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
public final class FlattenResult {

    private final String reason;
    private final Outcome outcome;
    private final List<String> cancelledOrders;
    private final List<String> closingOrders;
    private final BigDecimal residualQuantity;
    private final Duration duration;
    private final List<String> errors;

    private FlattenResult(String reason, Outcome outcome, List<String> cancelledOrders, List<String> closingOrders, BigDecimal residualQuantity, Duration duration, List<String> errors) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
        cancelledOrders = List.copyOf(cancelledOrders);
        closingOrders = List.copyOf(closingOrders);
        Objects.requireNonNull(residualQuantity, "residualQuantity");
        Objects.requireNonNull(duration, "duration");
        errors = List.copyOf(errors);
        this.reason = reason;
        this.outcome = outcome;
        this.cancelledOrders = cancelledOrders;
        this.closingOrders = closingOrders;
        this.residualQuantity = residualQuantity;
        this.duration = duration;
        this.errors = errors;
    }

    private FlattenResult(Builder b) {
        this(b.reason, b.outcome, b.cancelledOrders, b.closingOrders, b.residualQuantity, b.duration, b.errors);
    }

    /**
     * Why the flatten was asked for.
     *
     * @return why the flatten was asked for
     */
    public String reason() {
        return reason;
    }

    /**
     * How the flatten ended, or RUNNING for a snapshot of one still at work.
     *
     * @return how the flatten ended, or RUNNING for a snapshot of one still at work
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * The client order ids of the orders it cancelled.
     *
     * @return the client order ids of the orders it cancelled
     */
    public List<String> cancelledOrders() {
        return cancelledOrders;
    }

    /**
     * The client order ids of the closing orders it sent, retries and re-priced orders included.
     *
     * @return the client order ids of the closing orders it sent, retries and re-priced orders included
     */
    public List<String> closingOrders() {
        return closingOrders;
    }

    /**
     * What is left of the positions, in the base asset.
     *
     * @return what is left of the positions, in the base asset
     */
    public BigDecimal residualQuantity() {
        return residualQuantity;
    }

    /**
     * How long it took on the bot's clock.
     *
     * @return how long it took on the bot's clock
     */
    public Duration duration() {
        return duration;
    }

    /**
     * What failed on the way.
     *
     * @return what failed on the way
     */
    public List<String> errors() {
        return errors;
    }


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

    /**
     * How many orders the flatten cancelled.
     *
     * @return the number of {@link #cancelledOrders()}
     */
    public int ordersCancelled() {
        return cancelledOrders.size();
    }

    /**
     * Whether nothing is left of the positions.
     *
     * @return true when {@link #residualQuantity()} is zero
     */
    public boolean isFlat() {
        return residualQuantity.signum() == 0;
    }

    /**
     * Whether the flatten has ended.
     *
     * @return false for a snapshot of a flatten still at work
     */
    public boolean isDone() {
        return outcome != Outcome.RUNNING;
    }

    /** Equal when every figure is equal, as a record's would be. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FlattenResult that
                && java.util.Objects.equals(reason, that.reason)
                && java.util.Objects.equals(outcome, that.outcome)
                && java.util.Objects.equals(cancelledOrders, that.cancelledOrders)
                && java.util.Objects.equals(closingOrders, that.closingOrders)
                && java.util.Objects.equals(residualQuantity, that.residualQuantity)
                && java.util.Objects.equals(duration, that.duration)
                && java.util.Objects.equals(errors, that.errors);
    }

    /** Hashes every figure, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(reason, outcome, cancelledOrders, closingOrders, residualQuantity, duration, errors);
    }

    /** Every figure by name, as a record's would print. */
    @Override
    public String toString() {
        return "FlattenResult[" + "reason=" + reason + ", " + "outcome=" + outcome + ", " + "cancelledOrders=" + cancelledOrders + ", " + "closingOrders=" + closingOrders + ", " + "residualQuantity=" + residualQuantity + ", " + "duration=" + duration + ", " + "errors=" + errors + "]";
    }

    /**
     * A builder starting empty (lists empty, optional figures absent).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every figure of this one, to change a few.
     *
     * @return a builder preset to this
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.reason = reason;
        b.outcome = outcome;
        b.cancelledOrders = cancelledOrders;
        b.closingOrders = closingOrders;
        b.residualQuantity = residualQuantity;
        b.duration = duration;
        b.errors = errors;
        return b;
    }

    /** Collects the figures of a {@link FlattenResult}; a figure added later gets a default here, so no caller breaks. */
    public static final class Builder {
        private String reason;
        private Outcome outcome;
        private List<String> cancelledOrders = java.util.List.of();
        private List<String> closingOrders = java.util.List.of();
        private BigDecimal residualQuantity = java.math.BigDecimal.ZERO;
        private Duration duration = Duration.ZERO;
        private List<String> errors = java.util.List.of();

        private Builder() {
        }

        /**
         * Sets why the flatten was asked for.
         *
         * @param reason why the flatten was asked for
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Sets how the flatten ended, or RUNNING for a snapshot of one still at work.
         *
         * @param outcome how the flatten ended, or RUNNING for a snapshot of one still at work
         * @return this builder
         */
        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /**
         * Sets the client order ids of the orders it cancelled.
         *
         * @param cancelledOrders the client order ids of the orders it cancelled
         * @return this builder
         */
        public Builder cancelledOrders(List<String> cancelledOrders) {
            this.cancelledOrders = cancelledOrders;
            return this;
        }

        /**
         * Sets the client order ids of the closing orders it sent, retries and re-priced orders included.
         *
         * @param closingOrders the client order ids of the closing orders it sent, retries and re-priced orders included
         * @return this builder
         */
        public Builder closingOrders(List<String> closingOrders) {
            this.closingOrders = closingOrders;
            return this;
        }

        /**
         * Sets what is left of the positions, in the base asset.
         *
         * @param residualQuantity what is left of the positions, in the base asset
         * @return this builder
         */
        public Builder residualQuantity(BigDecimal residualQuantity) {
            this.residualQuantity = residualQuantity;
            return this;
        }

        /**
         * Sets how long it took on the bot's clock.
         *
         * @param duration how long it took on the bot's clock
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets what failed on the way.
         *
         * @param errors what failed on the way
         * @return this builder
         */
        public Builder errors(List<String> errors) {
            this.errors = errors;
            return this;
        }

        /**
         * The result of the figures set.
         *
         * @return the result
         */
        public FlattenResult build() {
            return new FlattenResult(this);
        }
    }
}
