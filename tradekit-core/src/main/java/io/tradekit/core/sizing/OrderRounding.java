package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds to an instrument's filters in the direction that never breaks a limit: quantities down to
 * the step, buy prices down and sell prices up to the tick. This is the only place tradekit rounds an
 * order.
 */
public final class OrderRounding {

    private OrderRounding() {
    }

    public static BigDecimal quantityDown(BigDecimal quantity, Instrument instrument) {
        return floorTo(quantity, instrument.stepSize());
    }

    public static BigDecimal price(BigDecimal price, Side side, Instrument instrument) {
        BigDecimal step = instrument.tickSize();
        BigDecimal units = price.divide(step, 0, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return units.multiply(step).stripTrailingZeros();
    }

    /** The intent with its quantity and limit price on the instrument's grid. */
    public static OrderIntent round(OrderIntent intent, Instrument instrument) {
        OrderIntent rounded = intent.withQuantity(quantityDown(intent.quantity(), instrument));
        if (intent.limitPrice().isPresent()) {
            rounded = rounded.withLimitPrice(price(intent.limitPrice().get(), intent.side(), instrument));
        }
        return rounded;
    }

    private static BigDecimal floorTo(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
    }
}
