package io.tradekit.api.spi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A risk policy's answer for one order: let it through ({@link Allow}), shrink it ({@link Resize}), or stop it
 * ({@link Block}), with a reason. Sealed, so the engine (and a host that inspects decisions) handles every kind:
 *
 * <pre>{@code switch (decision) {
 *     case RiskDecision.Allow a -> send(intent);
 *     case RiskDecision.Resize r -> send(intent.withQuantity(r.newQuantity()));
 *     case RiskDecision.Block b -> deny(b.reason());
 * }}</pre>
 */
public sealed interface RiskDecision permits RiskDecision.Allow, RiskDecision.Resize, RiskDecision.Block {

    /** The three kinds of decision, for code that reads them as a value. */
    enum Verdict {
        /** The order goes on unchanged. */
        ALLOW,
        /** The order goes on with a smaller quantity. */
        RESIZE,
        /** The order is refused. */
        BLOCK
    }

    /**
     * Which kind of decision this is.
     *
     * @return ALLOW, RESIZE or BLOCK
     */
    Verdict verdict();

    /**
     * The quantity a resize allows.
     *
     * @return the new quantity for a resize, empty otherwise
     */
    Optional<BigDecimal> quantity();

    /**
     * Why, with the limit and the figures.
     *
     * @return the reason; empty for an allow
     */
    String reason();

    /**
     * Let the order through.
     *
     * @return the one allow decision
     */
    static RiskDecision allow() {
        return Allow.INSTANCE;
    }

    /**
     * Let the order through with a smaller quantity.
     *
     * @param quantity the quantity the policy allows
     * @param reason   why, with the limit and the figures
     * @return the decision
     */
    static RiskDecision resize(BigDecimal quantity, String reason) {
        return new Resize(quantity, reason);
    }

    /**
     * Refuse the order.
     *
     * @param reason why, with the limit and the figures
     * @return the decision
     */
    static RiskDecision block(String reason) {
        return new Block(reason);
    }

    /** The order goes on unchanged. */
    final class Allow implements RiskDecision {
        private static final Allow INSTANCE = new Allow();

        private Allow() {
        }

        @Override
        public Verdict verdict() {
            return Verdict.ALLOW;
        }

        @Override
        public Optional<BigDecimal> quantity() {
            return Optional.empty();
        }

        @Override
        public String reason() {
            return "";
        }

        @Override
        public String toString() {
            return "RiskDecision.Allow";
        }
    }

    /**
     * The order goes on with a smaller quantity.
     *
     * @param newQuantity the quantity the policy allows
     * @param reason      why (null is empty)
     */
    record Resize(BigDecimal newQuantity, String reason) implements RiskDecision {
        /** Checks that the quantity is given. */
        public Resize {
            Objects.requireNonNull(newQuantity, "newQuantity");
            reason = reason == null ? "" : reason;
        }

        @Override
        public Verdict verdict() {
            return Verdict.RESIZE;
        }

        @Override
        public Optional<BigDecimal> quantity() {
            return Optional.of(newQuantity);
        }
    }

    /**
     * The order is refused.
     *
     * @param reason why (null is empty)
     */
    record Block(String reason) implements RiskDecision {
        /** A missing reason is empty. */
        public Block {
            reason = reason == null ? "" : reason;
        }

        @Override
        public Verdict verdict() {
            return Verdict.BLOCK;
        }

        @Override
        public Optional<BigDecimal> quantity() {
            return Optional.empty();
        }
    }
}
