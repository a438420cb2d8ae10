package io.tradekit.grid;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a grid has done so far, in the quote asset and the base asset.
 *
 * @param roundTrips     completed buy-then-sell cycles of a pair
 * @param gridProfit     the sum of those round trips' profits, net of both legs' fees
 * @param fees           every fee the grid's orders paid (levels, bootstrap, trims and flatten)
 * @param inventory      the base quantity the grid holds now
 * @param maxInventory   the most it ever held
 * @param rejections     orders of a level refused by the engine or rejected by the venue
 * @param retries        placements of a level after such a refusal
 * @param pendingRetries levels waiting for their next try now
 * @param recenters      times the grid was rebuilt around the price
 */
public record GridStats(long roundTrips, BigDecimal gridProfit, BigDecimal fees, BigDecimal inventory, BigDecimal maxInventory,
                        long rejections, long retries, int pendingRetries, int recenters) {
    /**
     * Checks that no money component is null.
     *
     * @throws NullPointerException if {@code gridProfit}, {@code fees}, {@code inventory} or {@code maxInventory} is null
     */
    public GridStats {
        Objects.requireNonNull(gridProfit, "gridProfit");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(maxInventory, "maxInventory");
    }

    /**
     * The stats of a grid that has not traded.
     *
     * @return all counts and amounts zero
     */
    public static GridStats empty() {
        return new GridStats(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);
    }
}
