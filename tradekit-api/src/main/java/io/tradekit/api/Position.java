package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot's position in one symbol, one-way: {@code quantity} is signed (negative is short) in contracts of
 * {@code contractSize} base units; {@code averageCost} is the average entry price of the open quantity;
 * realized PnL (before fees), fees and funding (positive: paid, negative: received) are in the quote asset
 * and kept apart. A derivatives position also carries the leverage it was opened with, the isolated margin
 * it holds, and the price at which the venue would liquidate it; a spot position has leverage 1, no margin
 * and no liquidation price. Hedge mode (a long and a short at once) is not modelled yet.
 *
 * <pre>{@code Position p = ctx.position("ETHUSDT");
 * if (p.side() == PositionSide.SHORT) p.liquidationPrice().ifPresent(liq -> ...);}</pre>
 *
 * @param symbol           the venue's symbol
 * @param quantity         the open quantity in contracts, negative when short
 * @param averageCost      the average entry price of the open quantity
 * @param realizedPnl      PnL realized by closing, before fees, in the quote asset
 * @param fees             fees paid, in the quote asset
 * @param funding          funding paid (positive) or received (negative), in the quote asset
 * @param leverage         the leverage the position was opened with (1 on spot)
 * @param margin           the isolated margin the position holds (zero on spot)
 * @param liquidationPrice where the venue would liquidate it; empty on spot or when flat
 * @param contractSize     base units per contract (1 on spot)
 */
public record Position(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl, BigDecimal fees,
                       BigDecimal funding, BigDecimal leverage, BigDecimal margin, Optional<BigDecimal> liquidationPrice,
                       BigDecimal contractSize) {
    /** Checks that every figure is given. */
    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(liquidationPrice, "liquidationPrice");
        Objects.requireNonNull(contractSize, "contractSize");
    }

    /**
     * A spot position (or one whose margin is not known): leverage 1, no margin, no funding, no liquidation price.
     *
     * @param symbol      the venue's symbol
     * @param quantity    the open base quantity, negative when short
     * @param averageCost the average entry price of the open quantity
     * @param realizedPnl PnL realized by closing, before fees
     * @param fees        fees paid
     */
    public Position(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl, BigDecimal fees) {
        this(symbol, quantity, averageCost, realizedPnl, fees, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, Optional.empty(), BigDecimal.ONE);
    }

    /**
     * No position.
     *
     * @param symbol the venue's symbol
     * @return a position of zero with no history
     */
    public static Position flat(String symbol) {
        return new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Whether nothing is open.
     *
     * @return true when the quantity is zero
     */
    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    /**
     * Which way the position points.
     *
     * @return LONG, SHORT or FLAT by the quantity's sign
     */
    public PositionSide side() {
        return PositionSide.of(quantity);
    }

    /**
     * The average entry price of the open quantity.
     *
     * @return the same as {@link #averageCost()}
     */
    public BigDecimal entryPrice() {
        return averageCost;
    }

    /**
     * What the position would gain (positive) or lose if closed at {@code markPrice}, before fees.
     *
     * @param markPrice the price to value it at
     * @return (mark − entry) × quantity × contract size, in the quote asset
     */
    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        return markPrice.subtract(averageCost).multiply(quantity).multiply(contractSize);
    }

    /**
     * Signed exposure at {@code markPrice}.
     *
     * @param markPrice the price to value it at
     * @return quantity × contract size × mark in the quote asset: positive long, negative short
     */
    public BigDecimal exposure(BigDecimal markPrice) {
        return quantity.multiply(contractSize).multiply(markPrice);
    }
}
