package io.tradekit.grid.internal;

import io.tradekit.grid.GridRoundTrip;
import io.tradekit.grid.GridStats;
import io.tradekit.grid.LevelSizing;
import io.tradekit.grid.SizeMode;
import io.tradekit.grid.SpacingMode;
import io.tradekit.grid.SpacingUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A grid strategy's whole state as plain JSON-friendly records: the resolved grid, every pair with its
 * money and working order, the unassigned inventory, orders in flight that are not a pair's, and the
 * ledger, and the number of the grid laid out and its market time in epoch seconds (its orders' tags carry both). Money is BigDecimal, written as plain JSON numbers and read back exactly.
 * The last price the book saw and its count of price points, with each pair's point of refusal and the bar the grid
 * waits for cancels until, let a grid restored from its journaled state place exactly what one that never stopped
 * would (null in states written before them: the book then starts without a price, as it did).
 * {@code roundTrips} is empty in the states written now: each round trip is an audit line of its own
 * ({@link GridStateCodec#tripLine}); states written before that carry the ledger's kept trips here.
 */
public record GridSnapshot(int version, String phase, long bar, long lastBuildBar, long build, long builtAt, ConfigState config, BigDecimal baseSpacing,
                           String baseSpacingUnit, List<PairState> pairs,
                           PoolState pool, TaskState task, Map<String, String> others, GridStats stats,
                           List<TripState> roundTrips, BigDecimal lastPrice, Long pricePoint, Long cancelWaitUntil) {

    public static final int VERSION = 1;

    /** {@link GridShape} without Optionals or a sealed type. */
    public record ConfigState(BigDecimal center, BigDecimal spacing, String spacingUnit, String spacingMode, int levelsDown,
                              int levelsUp, BigDecimal lower, BigDecimal upper, String sizing, BigDecimal sizeAmount, String sizeMode,
                              BigDecimal makerFeeBps, BigDecimal takerFeeBps) {

        public static ConfigState of(GridShape c) {
            return new ConfigState(c.center(), c.spacing(), c.spacingUnit().name(), c.spacingMode().name(), c.levelsDown(), c.levelsUp(),
                    c.lower().orElse(null), c.upper().orElse(null), c.sizing() instanceof LevelSizing.Budget ? "budget" : "per-level",
                    c.sizing().amount(), c.sizing().mode().name(), c.makerFeeBps(), c.takerFeeBps());
        }

        public GridShape toConfig() {
            SizeMode mode = SizeMode.valueOf(sizeMode);
            LevelSizing sizingValue = "budget".equals(sizing) ? LevelSizing.budget(sizeAmount, mode) : LevelSizing.perLevel(sizeAmount, mode);
            return new GridShape(center, spacing, SpacingUnit.valueOf(spacingUnit), SpacingMode.valueOf(spacingMode), levelsDown, levelsUp,
                    Optional.ofNullable(lower), Optional.ofNullable(upper), sizingValue, makerFeeBps, takerFeeBps);
        }
    }

    public record PairState(int index, boolean holding, boolean awaitingInventory, BigDecimal held, BigDecimal entryCost,
                            BigDecimal entryFees, BigDecimal sold, BigDecimal exitProceeds, BigDecimal exitFees, String orderId,
                            BigDecimal orderQuantity, BigDecimal orderFilled, int retryAttempts, long retryAt, Long refusedAtPoint) {
    }

    public record PoolState(BigDecimal quantity, BigDecimal cost, BigDecimal fees) {
    }

    /** A bootstrap (BUY) or trim (SELL) of inventory, and where it stands. */
    public record TaskState(String side, BigDecimal quantity, String orderId, BigDecimal filled, int retryAttempts, long retryAt) {
    }

    public record TripState(int pair, BigDecimal buyPrice, BigDecimal sellPrice, BigDecimal quantity, BigDecimal fees,
                            BigDecimal profit, String closedAt) {

        public static TripState of(GridRoundTrip t) {
            return new TripState(t.pair(), t.buyPrice(), t.sellPrice(), t.quantity(), t.fees(), t.profit(), t.closedAt().toString());
        }

        public GridRoundTrip toRoundTrip() {
            return new GridRoundTrip(pair, buyPrice, sellPrice, quantity, fees, profit, Instant.parse(closedAt));
        }
    }
}
