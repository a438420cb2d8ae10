package io.tradekit.core.perp;

import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one rule for a reduce-only order, for the bot that sends it and the venue that takes it: it may
 * only shrink the position, never open one, grow it or close more than it holds (flip it).
 */
public final class ReduceOnly {

    private ReduceOnly() {
    }

    /**
     * Why a reduce-only order of {@code quantity} on {@code side} does not reduce a position of {@code held} (signed); empty when it does.
     *
     * @param symbol the symbol, for the reason text
     * @param held the position's signed quantity: positive long, negative short, zero flat
     * @param side the order's side
     * @param quantity the order's quantity, positive
     * @return the reason it is refused, or empty when the order reduces (or exactly closes) the position
     */
    public static Optional<String> refusal(String symbol, BigDecimal held, Side side, BigDecimal quantity) {
        String what = "reduce-only " + side + " " + quantity.toPlainString() + " " + symbol;
        if (held.signum() == 0) return Optional.of(what + " would open a position: there is none to reduce");
        if (held.signum() == side.sign()) {
            return Optional.of(what + " would grow the " + (held.signum() > 0 ? "long" : "short") + " position of " + held.abs().toPlainString());
        }
        if (quantity.compareTo(held.abs()) > 0) {
            return Optional.of(what + " would flip the position of " + held.toPlainString() + " to "
                    + held.add(quantity.multiply(BigDecimal.valueOf(side.sign()))).toPlainString());
        }
        return Optional.empty();
    }
}
