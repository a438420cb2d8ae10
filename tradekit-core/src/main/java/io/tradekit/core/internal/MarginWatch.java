package io.tradekit.core.internal;

import io.tradekit.api.Position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the extremes of a derivatives bot's margin as the mark moves: the highest leverage used (gross
 * notional at the mark over equity) and the closest the mark came to the liquidation price, as a fraction
 * of the mark. Fed at every mark the bot sees (path stops, bar closes, fills).
 */
final class MarginWatch {

    private BigDecimal maxLeverage = BigDecimal.ZERO;
    private BigDecimal closest;
    private Instant closestAt;
    private BigDecimal closestPrice;

    void observe(Position position, BigDecimal mark, BigDecimal equity, Instant time) {
        if (position.isFlat() || mark.signum() <= 0) return;
        BigDecimal gross = position.exposure(mark).abs();
        BigDecimal used = equity.signum() <= 0 ? gross : gross.divide(equity, MathContext.DECIMAL64);
        if (used.compareTo(maxLeverage) > 0) maxLeverage = used;
        Optional<BigDecimal> liquidation = position.liquidationPrice();
        if (liquidation.isEmpty()) return;
        BigDecimal distance = liquidation.get().subtract(mark).abs().divide(mark, MathContext.DECIMAL64);
        if (closest == null || distance.compareTo(closest) < 0) {
            closest = distance;
            closestAt = time;
            closestPrice = liquidation.get();
        }
    }

    BigDecimal maxLeverage() {
        return maxLeverage;
    }

    Optional<BigDecimal> closest() {
        return Optional.ofNullable(closest);
    }

    Optional<Instant> closestAt() {
        return Optional.ofNullable(closestAt);
    }

    Optional<BigDecimal> closestPrice() {
        return Optional.ofNullable(closestPrice);
    }
}
