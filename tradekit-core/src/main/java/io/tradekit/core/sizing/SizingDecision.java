package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderRejectedException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A sizer's answer after rounding down to the instrument's step and checking its minimums: a quantity
 * the venue will take, or the reason there is none.
 *
 * @param quantity the quantity to trade, on the step; zero when refused
 * @param refusal why there is none, or empty when there is a quantity
 */
public record SizingDecision(BigDecimal quantity, Optional<String> refusal) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public SizingDecision {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(refusal, "refusal");
    }

    /**
     * Sizes an entry with {@code sizer}, rounds it down to the step and checks it against every filter at the input's price.
     * A sizer that throws {@link InvalidInputException} gives a refusal with its message.
     *
     * @param sizer the sizer
     * @param in what the sizer knows
     * @return the rounded quantity, or the refusal with the sizer, its raw answer and the filter it broke
     */
    public static SizingDecision entry(PositionSizer sizer, SizingInput in) {
        BigDecimal raw;
        try {
            raw = sizer.quantity(in);
        } catch (InvalidInputException e) {
            return refused(e.getMessage());
        }
        String base = in.instrument().baseAsset();
        if (raw == null || raw.signum() <= 0) {
            return refused(sizer.describe() + " sizing gives no quantity (equity " + plain(in.equity()) + ", free cash "
                    + plain(in.cash()) + " " + in.instrument().quoteAsset() + ")");
        }
        BigDecimal rounded = OrderRounding.quantityDown(raw, in.instrument());
        try {
            in.instrument().check(rounded, in.price(), false);
        } catch (OrderRejectedException e) {
            return refused(sizer.describe() + " sizing gives " + plain(raw) + " " + base + ", rounded down to "
                    + plain(rounded) + " at " + plain(in.price()) + ": " + e.getMessage());
        }
        return new SizingDecision(rounded, Optional.empty());
    }

    /**
     * A refusal.
     *
     * @param reason why there is no quantity
     * @return a decision with quantity zero and the reason
     */
    public static SizingDecision refused(String reason) {
        return new SizingDecision(BigDecimal.ZERO, Optional.of(reason));
    }

    /**
     * Whether there is no quantity.
     *
     * @return true when refused
     */
    public boolean isRefused() {
        return refusal.isPresent();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
