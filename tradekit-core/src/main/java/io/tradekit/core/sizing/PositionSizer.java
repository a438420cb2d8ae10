package io.tradekit.core.sizing;

import java.math.BigDecimal;

/**
 * How large a BUY signal's order is, in the base asset, before rounding to the instrument's step.
 * The engine rounds the answer down and refuses it, with the reason, if it breaks the instrument's
 * minimums (see {@link SizingDecision#entry}). A sizer that cannot size (e.g. risk per trade without a
 * stop) throws {@link io.tradekit.api.InvalidInputException} saying why; the order is then refused.
 * The built-in sizers are made by {@link PositionSizers}, also from text such as {@code "percent:0.5"}.
 */
@FunctionalInterface
public interface PositionSizer {

    /**
     * The order's quantity for an entry.
     *
     * @param input the price, account figures, instrument, fee rate, stop distance and leverage
     * @return the quantity in the base asset, before rounding; zero or less means none
     * @throws io.tradekit.api.InvalidInputException if the sizer cannot size with this input
     */
    BigDecimal quantity(SizingInput input);

    /**
     * The sizer as text that {@link PositionSizers#parse} reads back, for reports and refusals.
     *
     * @return the description
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
