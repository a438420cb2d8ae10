package io.tradekit.core.sizing;

import java.math.BigDecimal;

/**
 * How large a BUY signal's order is, in the base asset, before rounding to the instrument's step.
 * The engine rounds the answer down and refuses it if it breaks the instrument's minimums.
 */
@FunctionalInterface
public interface PositionSizer {

    BigDecimal quantity(SizingInput input);
}
