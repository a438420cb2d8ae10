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
    public GridStats {
        Objects.requireNonNull(gridProfit, "gridProfit");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(maxInventory, "maxInventory");
    }

    public static GridStats empty() {
        return new GridStats(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);
    }
}
