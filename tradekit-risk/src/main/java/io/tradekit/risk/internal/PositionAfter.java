package io.tradekit.risk.internal;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.core.perp.IsolatedMargin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The isolated-margin position an order would leave in a linear perpetual, valued with core's
 * {@link IsolatedMargin} so that a policy sees the liquidation price the venue would set. Adding to a
 * position averages its entry; an order that flips it opens the rest at the order's price; every new
 * contract is margined at {@code leverage}.
 *
 * @param quantity contracts after the order, signed (negative: short)
 * @param entry    their average entry price
 */
public record PositionAfter(Instrument instrument, BigDecimal quantity, BigDecimal entry, BigDecimal leverage) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** The position {@code held} becomes once {@code quantity} of {@code intent}'s side fills at {@code price}. */
    public static PositionAfter of(Instrument instrument, Position held, OrderIntent intent, BigDecimal quantity, BigDecimal price,
                                   BigDecimal leverage) {
        BigDecimal before = held.quantity();
        BigDecimal delta = quantity.multiply(BigDecimal.valueOf(intent.side().sign()));
        BigDecimal after = before.add(delta);
        BigDecimal entry;
        if (after.signum() == 0) {
            entry = price;
        } else if (before.signum() == 0 || before.signum() == delta.signum()) {
            entry = before.abs().multiply(held.averageCost()).add(quantity.multiply(price)).divide(after.abs(), MC);
        } else if (after.signum() == before.signum()) {
            entry = held.averageCost(); // a partial close keeps the entry of what is left
        } else {
            entry = price; // flipped: what is left was opened by this order
        }
        return new PositionAfter(instrument, after, entry, leverage);
    }

    public Optional<BigDecimal> liquidationPrice() {
        return IsolatedMargin.liquidationPrice(instrument, quantity, entry, leverage);
    }

    /** Notional at {@code mark} over what backs it there: the isolated margin plus the unrealized PnL. Empty when nothing does. */
    public Optional<BigDecimal> leverageAt(BigDecimal mark) {
        BigDecimal backing = backingAt(mark);
        if (backing.signum() <= 0) return Optional.empty();
        return Optional.of(notionalAt(mark).divide(backing, MC));
    }

    public BigDecimal notionalAt(BigDecimal mark) {
        return instrument.notional(quantity.abs(), mark);
    }

    /** The isolated margin plus the unrealized PnL at {@code mark}. */
    public BigDecimal backingAt(BigDecimal mark) {
        return IsolatedMargin.initialMargin(instrument, quantity, entry, leverage).add(instrument.notional(quantity, mark.subtract(entry)));
    }
}
