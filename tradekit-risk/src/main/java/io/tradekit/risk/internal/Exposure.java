package io.tradekit.risk.internal;

import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.spi.RiskContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * How an order or a holding changes what the bot has at risk. Exposure is signed (a short is negative) and
 * valued through the instrument, so that a perpetual's contract size counts: {@code quantity × contract size × price}.
 */
public final class Exposure {

    private Exposure() {
    }

    /**
     * Whether the order only shrinks the current position: its side is against the position and it
     * is no larger than the position (or it is flagged reduce-only, so the venue cannot let it grow).
     * Such orders pass every exposure limit: a limit must never trap the bot in a position.
     */
    public static boolean reduces(OrderIntent intent, RiskContext ctx) {
        Position p = ctx.position(intent.symbol());
        if (p == null || p.isFlat()) return false;
        boolean against = p.quantity().signum() != intent.side().sign();
        return against && (intent.reduceOnly() || intent.quantity().compareTo(p.quantity().abs()) <= 0);
    }

    /** The price the order is valued at: its limit price, else the last price; empty when neither is known. */
    public static Optional<BigDecimal> referencePrice(OrderIntent intent, RiskContext ctx) {
        if (intent.limitPrice().isPresent()) return intent.limitPrice();
        BigDecimal last = ctx.lastPrice(intent.symbol());
        return last != null && last.signum() > 0 ? Optional.of(last) : Optional.empty();
    }

    /** The price a holding is marked at: the last price, or its average cost while no price has arrived. */
    public static BigDecimal markPrice(Position p, RiskContext ctx) {
        BigDecimal last = ctx.lastPrice(p.symbol());
        return last != null && last.signum() > 0 ? last : p.averageCost();
    }

    /** Signed exposure at the mark price: positive long, negative short. */
    public static BigDecimal signedNotional(Position p, RiskContext ctx) {
        return p.exposure(markPrice(p, ctx));
    }

    /** |exposure| at the mark price. */
    public static BigDecimal notional(Position p, RiskContext ctx) {
        return signedNotional(p, ctx).abs();
    }

    /** What {@code quantity} of {@code symbol} is worth at {@code price}, in the quote asset. */
    public static BigDecimal notional(RiskContext ctx, String symbol, BigDecimal quantity, BigDecimal price) {
        return ctx.instrument(symbol).notional(quantity, price);
    }

    /** How much of {@code symbol} {@code amount} of the quote asset buys at {@code price}: the inverse of {@link #notional(RiskContext, String, BigDecimal, BigDecimal)}. */
    public static BigDecimal quantityFor(RiskContext ctx, String symbol, BigDecimal amount, BigDecimal price) {
        return amount.divide(notional(ctx, symbol, BigDecimal.ONE, price), MathContext.DECIMAL64);
    }

    /** Open orders' remaining quantity on {@code side} of {@code symbol}: what could still be added if they all filled. */
    public static BigDecimal openQuantity(RiskContext ctx, String symbol, Side side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Order o : ctx.openOrders()) {
            if (o.symbol().equals(symbol) && o.side() == side) sum = sum.add(o.remainingQuantity());
        }
        return sum;
    }

    /** Total notional held across every symbol, marked at the last prices. */
    public static BigDecimal grossNotional(RiskContext ctx) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position p : ctx.positions()) sum = sum.add(notional(p, ctx));
        return sum;
    }

    public static BigDecimal fractionOf(BigDecimal amount, BigDecimal equity) {
        return equity.signum() <= 0 ? BigDecimal.ZERO : amount.divide(equity, MathContext.DECIMAL64);
    }
}
