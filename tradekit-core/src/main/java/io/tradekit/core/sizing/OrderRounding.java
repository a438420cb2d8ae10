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

    /**
     * Rounds a quantity down to the instrument's step size.
     *
     * @param quantity the quantity
     * @param instrument the instrument
     * @return the quantity on the step, trailing zeros stripped
     */
    public static BigDecimal quantityDown(BigDecimal quantity, Instrument instrument) {
        return floorTo(quantity, instrument.stepSize());
    }

    /**
     * Rounds a price to the instrument's tick: a buy's down, a sell's up.
     *
     * @param price the price
     * @param side the order's side
     * @param instrument the instrument
     * @return the price on the tick, trailing zeros stripped
     */
    public static BigDecimal price(BigDecimal price, Side side, Instrument instrument) {
        BigDecimal step = instrument.tickSize();
        BigDecimal units = price.divide(step, 0, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return units.multiply(step).stripTrailingZeros();
    }

    /**
     * The intent with its quantity and limit price on the instrument's grid.
     *
     * @param intent the order intent
     * @param instrument the instrument
     * @return the intent with its quantity rounded down and its limit price (if any) rounded for its side
     */
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
