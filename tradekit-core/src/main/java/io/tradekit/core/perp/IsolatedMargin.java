package io.tradekit.core.perp;

import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The arithmetic of an isolated-margin position in a linear perpetual, one rule for the bot's books and
 * the paper venue's. A position of {@code q} contracts (signed) entered at {@code entry} with leverage
 * {@code L} holds the initial margin {@code IM = |q| × contract × entry / L} and must keep the
 * maintenance margin {@code MM} of its tier, valued at the entry price (as Bybit values it for the
 * liquidation price). The venue liquidates when the position's margin plus its unrealized PnL falls to
 * {@code MM}:
 * <pre>
 *   long:  liquidation = entry − (IM − MM) / (|q| × contract)
 *   short: liquidation = entry + (IM − MM) / (|q| × contract)
 * </pre>
 * rounded to the tick toward the entry (a long's up, a short's down), so it never lies beyond the exact
 * price. Funding is paid by the side the rate points at: {@code q × contract × mark × rate} (positive:
 * paid by the account). Funding is paid from the wallet, not the position's margin, so it does not move
 * the liquidation price.
 */
public final class IsolatedMargin {

    private static final MathContext MC = MathContext.DECIMAL64;

    private IsolatedMargin() {
    }

    /**
     * The initial margin of {@code quantity} contracts (either sign) at {@code entry} with {@code leverage}.
     *
     * @param instrument the perpetual
     * @param quantity the position's contracts, either sign
     * @param entry the entry price
     * @param leverage the leverage, e.g. 10 for 10x; positive
     * @return the margin in the quote asset
     */
    public static BigDecimal initialMargin(Instrument instrument, BigDecimal quantity, BigDecimal entry, BigDecimal leverage) {
        return instrument.notional(quantity.abs(), entry).divide(leverage, MC);
    }

    /**
     * The maintenance margin of {@code quantity} contracts valued at {@code entry}, from the instrument's tiers.
     *
     * @param instrument the perpetual, with its margin tiers
     * @param quantity the position's contracts, either sign
     * @param entry the entry price
     * @return the margin in the quote asset
     */
    public static BigDecimal maintenanceMargin(Instrument instrument, BigDecimal quantity, BigDecimal entry) {
        return instrument.margin().maintenanceMargin(instrument.notional(quantity.abs(), entry));
    }

    /**
     * Where the venue liquidates the position; empty when flat, or when the position cannot be liquidated (leverage 1 long).
     *
     * @param instrument the perpetual
     * @param quantity the position's contracts, signed: positive long, negative short
     * @param entry the entry price
     * @param leverage the leverage; positive
     * @return the price, on the tick and at least one tick, or empty
     */
    public static Optional<BigDecimal> liquidationPrice(Instrument instrument, BigDecimal quantity, BigDecimal entry, BigDecimal leverage) {
        if (quantity.signum() == 0) return Optional.empty();
        BigDecimal size = quantity.abs().multiply(instrument.contractSize());
        BigDecimal cushion = initialMargin(instrument, quantity, entry, leverage)
                .subtract(maintenanceMargin(instrument, quantity, entry)).divide(size, MC);
        boolean isLong = quantity.signum() > 0;
        BigDecimal exact = isLong ? entry.subtract(cushion) : entry.add(cushion);
        if (exact.signum() <= 0) return Optional.empty();
        BigDecimal tick = instrument.tickSize();
        BigDecimal ticks = exact.divide(tick, 0, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return Optional.of(ticks.multiply(tick).max(tick));
    }

    /**
     * Whether {@code price} reaches the liquidation price of a position on the side of {@code quantity}.
     *
     * @param quantity the position's signed contracts: positive long, negative short
     * @param price the mark price
     * @param liquidationPrice the position's liquidation price
     * @return true when a long's mark is at or below it, or a short's at or above it
     */
    public static boolean reaches(BigDecimal quantity, BigDecimal price, BigDecimal liquidationPrice) {
        return quantity.signum() > 0 ? price.compareTo(liquidationPrice) <= 0 : price.compareTo(liquidationPrice) >= 0;
    }

    /**
     * What a position of {@code quantity} contracts (signed) pays at {@code mark} and {@code rate}; negative: received.
     *
     * @param instrument the perpetual
     * @param quantity the position's signed contracts
     * @param mark the mark price at settlement
     * @param rate the funding rate as a fraction per interval
     * @return the payment in the quote asset: positive paid by the account, negative received
     */
    public static BigDecimal funding(Instrument instrument, BigDecimal quantity, BigDecimal mark, BigDecimal rate) {
        return instrument.notional(quantity, mark).multiply(rate);
    }
}
