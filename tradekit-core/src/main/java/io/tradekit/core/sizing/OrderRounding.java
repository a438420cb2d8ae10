package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.math.BigInteger;
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
        BigDecimal onTick = alreadyOn(price, step);
        if (onTick != null) return onTick;
        BigDecimal units = price.divide(step, 0, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return keepIfSame(price, units.multiply(step).stripTrailingZeros());
    }

    /**
     * The intent with its quantity and limit price on the instrument's grid.
     *
     * @param intent the order intent
     * @param instrument the instrument
     * @return the intent with its quantity rounded down and its limit price (if any) rounded for its side
     */
    public static OrderIntent round(OrderIntent intent, Instrument instrument) {
        // A number already on the grid, as a strategy's precomputed levels are, is kept as it is (the same digits and
        // scale): the order then shares it instead of holding a copy for as long as its record is kept.
        BigDecimal quantity = quantityDown(intent.quantity(), instrument);
        OrderIntent rounded = quantity.equals(intent.quantity()) ? intent : intent.withQuantity(quantity);
        if (intent.limitPrice().isPresent()) {
            BigDecimal limit = intent.limitPrice().get();
            BigDecimal price = price(limit, intent.side(), instrument);
            if (!price.equals(limit)) rounded = rounded.withLimitPrice(price);
        }
        return rounded;
    }

    private static BigDecimal floorTo(BigDecimal value, BigDecimal step) {
        BigDecimal onStep = alreadyOn(value, step);
        if (onStep != null) return onStep;
        return keepIfSame(value, value.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros());
    }

    /**
     * {@code value} rounded to {@code step} without a division, when the step is a power of ten (0.01, 1, 1E+2: the usual
     * tick and step) and the value has no more decimal places than the step, so that it is a multiple of it already:
     * rounding then only strips its trailing zeros. Null when that does not apply. Every order is rounded, most are on
     * their grid already, and a division makes three numbers where this makes at most one.
     */
    private static BigDecimal alreadyOn(BigDecimal value, BigDecimal step) {
        // unscaledValue() of a step with a small unscaled value is a cached constant: nothing is made to ask.
        if (value.scale() > step.scale() || !step.unscaledValue().equals(BigInteger.ONE)) return null;
        return keepIfSame(value, value.stripTrailingZeros());
    }

    /**
     * {@code value} itself when rounding gave the same digits and scale: a number already on the grid is then shared
     * by every order made from it instead of each order keeping a copy for as long as its record is kept (a long
     * backtest keeps every order).
     */
    private static BigDecimal keepIfSame(BigDecimal value, BigDecimal rounded) {
        return rounded.equals(value) ? value : rounded;
    }
}
