package io.tradekit.risk.internal;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.spi.RiskDecision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shrinks an order to fit a limit, rounding down to the instrument's step so the limit is never exceeded. */
public final class Sizing {

    private Sizing() {
    }

    public static BigDecimal floorToStep(BigDecimal quantity, BigDecimal step) {
        if (quantity.signum() <= 0) return BigDecimal.ZERO;
        BigDecimal q = quantity.divide(step, 0, RoundingMode.DOWN).multiply(step).stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q; // 10, not 1E+1, for a whole step
    }

    /**
     * RESIZE to {@code room} (rounded down to the step) or, when what is left is not a valid order
     * (zero, under the minimum quantity or notional), BLOCK; either way with {@code why} as the reason.
     */
    public static RiskDecision shrinkOrBlock(OrderIntent intent, Instrument instrument, BigDecimal room, BigDecimal price, String why) {
        BigDecimal q = floorToStep(room, instrument.stepSize());
        if (q.signum() <= 0) {
            return RiskDecision.block(why + "; no room left");
        }
        if (q.compareTo(instrument.minQuantity()) < 0) {
            return RiskDecision.block(why + "; the room " + Figures.plain(q) + " is under the minimum quantity " + Figures.plain(instrument.minQuantity()));
        }
        if (instrument.notional(q, price).compareTo(instrument.minNotional()) < 0) {
            return RiskDecision.block(why + "; the room " + Figures.plain(q) + " is under the minimum notional " + Figures.plain(instrument.minNotional()));
        }
        return RiskDecision.resize(q, why + "; resized " + Figures.plain(intent.quantity()) + " -> " + Figures.plain(q) + " " + intent.symbol());
    }
}
