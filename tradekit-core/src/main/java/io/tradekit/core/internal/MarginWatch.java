package io.tradekit.core.internal;

import io.tradekit.api.Position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the extremes of a derivatives bot's margin as the mark moves: the highest leverage used (gross
 * notional at the mark over equity) and the closest the mark came to the liquidation price, as a fraction
 * of the mark. Fed at every mark the bot sees (path stops, bar closes, fills). A journaled bot writes each
 * new extreme to its journal's config ({@link #journalEntries}) and a restarted one reads them back
 * ({@link #restore}), so the figures span every run of the bot.
 */
final class MarginWatch {

    /** Config entry: the highest leverage used so far. */
    static final String MAX_LEVERAGE_KEY = "perp.maxLeverageUsed";
    /** Config entry: the closest approach to liquidation so far, as {@code distance,time,liquidation price}. */
    static final String CLOSEST_KEY = "perp.closestLiquidation";

    private BigDecimal maxLeverage = BigDecimal.ZERO;
    private BigDecimal closest;
    private Instant closestAt;
    private BigDecimal closestPrice;

    /** Takes in one mark; returns whether an extreme moved (and the journal's entries are then out of date). */
    boolean observe(Position position, BigDecimal mark, BigDecimal equity, Instant time) {
        if (position.isFlat() || mark.signum() <= 0) return false;
        boolean moved = false;
        BigDecimal gross = position.exposure(mark).abs();
        BigDecimal used = equity.signum() <= 0 ? gross : gross.divide(equity, MathContext.DECIMAL64);
        if (used.compareTo(maxLeverage) > 0) {
            maxLeverage = used;
            moved = true;
        }
        Optional<BigDecimal> liquidation = position.liquidationPrice();
        if (liquidation.isEmpty()) return moved;
        BigDecimal distance = liquidation.get().subtract(mark).abs().divide(mark, MathContext.DECIMAL64);
        if (closest == null || distance.compareTo(closest) < 0) {
            closest = distance;
            closestAt = time;
            closestPrice = liquidation.get();
            moved = true;
        }
        return moved;
    }

    /** The extremes as journal config entries. */
    Map<String, String> journalEntries() {
        if (closest == null) return Map.of(MAX_LEVERAGE_KEY, maxLeverage.toPlainString());
        return Map.of(MAX_LEVERAGE_KEY, maxLeverage.toPlainString(),
                CLOSEST_KEY, closest.toPlainString() + "," + closestAt + "," + closestPrice.toPlainString());
    }

    /** Takes back the extremes a journal holds (entries written by {@link #journalEntries}); absent entries leave them as they are. */
    void restore(Map<String, String> config) {
        String max = config.get(MAX_LEVERAGE_KEY);
        String near = config.get(CLOSEST_KEY);
        try {
            if (max != null) maxLeverage = new BigDecimal(max);
            if (near != null) {
                String[] parts = near.split(",");
                if (parts.length != 3) throw new IllegalArgumentException("three parts expected");
                closest = new BigDecimal(parts[0]);
                closestAt = Instant.parse(parts[1]);
                closestPrice = new BigDecimal(parts[2]);
            }
        } catch (RuntimeException e) {
            throw new io.tradekit.core.store.UnrecoverableStateException("journal config " + MAX_LEVERAGE_KEY + "='" + max + "', "
                    + CLOSEST_KEY + "='" + near + "' cannot be read (expected a number, and 'distance,time,liquidation price'): "
                    + e.getMessage(), e);
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
