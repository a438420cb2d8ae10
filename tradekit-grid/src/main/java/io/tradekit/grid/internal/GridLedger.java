package io.tradekit.grid.internal;

import io.tradekit.grid.GridRoundTrip;
import io.tradekit.grid.GridStats;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid's books: round trips and their profit, fees, inventory and its peak, refusals and retries.
 * Written on the loop thread; {@link #stats()} and {@link #roundTrips()} may be read from any thread.
 */
public final class GridLedger {

    /** Round trips kept for reading back; the totals count every one. */
    public static final int KEPT_ROUND_TRIPS = 10_000;

    private long roundTrips;
    private BigDecimal gridProfit = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal inventory = BigDecimal.ZERO;
    private BigDecimal maxInventory = BigDecimal.ZERO;
    private long rejections;
    private long retries;
    private int recenters;
    private final ArrayDeque<GridRoundTrip> recent = new ArrayDeque<>();
    private volatile GridStats published = GridStats.empty();
    private long changes;
    private long publishedChanges = -1;

    void fill(boolean buy, BigDecimal quantity, BigDecimal fee) {
        changes++;
        fees = fees.add(fee);
        inventory = buy ? inventory.add(quantity) : inventory.subtract(quantity);
        if (inventory.compareTo(maxInventory) > 0) maxInventory = inventory;
    }

    /** Inventory the bot held before its first grid, which the grid takes over. */
    public void seed(BigDecimal quantity) {
        changes++;
        inventory = inventory.add(quantity);
        if (inventory.compareTo(maxInventory) > 0) maxInventory = inventory;
    }

    void roundTrip(GridRoundTrip trip) {
        changes++;
        roundTrips++;
        gridProfit = gridProfit.add(trip.profit());
        synchronized (recent) {
            if (recent.size() == KEPT_ROUND_TRIPS) recent.removeFirst();
            recent.addLast(trip);
        }
    }

    void rejected() {
        changes++;
        rejections++;
    }

    void retried() {
        changes++;
        retries++;
    }

    /** The grid's inventory after its book was brought in line with what the account holds. */
    void align(BigDecimal quantity) {
        if (quantity.compareTo(inventory) == 0) return;
        changes++;
        inventory = quantity;
        if (inventory.compareTo(maxInventory) > 0) maxInventory = inventory;
    }

    public void recentered() {
        changes++;
        recenters++;
    }

    public BigDecimal inventory() {
        return inventory;
    }

    /** Whether anything changed since the last {@link #publish}. */
    public boolean changedSincePublish() {
        return changes != publishedChanges;
    }

    /** Makes the current figures visible to other threads. */
    public void publish(int pendingRetries) {
        published = current(pendingRetries);
        publishedChanges = changes;
    }

    /** The figures as they are now (loop thread). */
    public GridStats current(int pendingRetries) {
        return new GridStats(roundTrips, gridProfit, fees, inventory, maxInventory, rejections, retries, pendingRetries, recenters);
    }

    public GridStats stats() {
        return published;
    }

    public List<GridRoundTrip> roundTrips() {
        synchronized (recent) {
            return List.copyOf(new ArrayList<>(recent));
        }
    }

    /** Appends round trips read back from the journal after the ones kept, keeping the newest {@link #KEPT_ROUND_TRIPS}. */
    public void appendRestored(List<GridRoundTrip> trips) {
        synchronized (recent) {
            for (GridRoundTrip trip : trips) {
                if (recent.size() == KEPT_ROUND_TRIPS) recent.removeFirst();
                recent.addLast(trip);
            }
        }
    }

    /** Puts back what a snapshot held. */
    public void restore(GridStats stats, List<GridRoundTrip> trips) {
        roundTrips = stats.roundTrips();
        gridProfit = stats.gridProfit();
        fees = stats.fees();
        inventory = stats.inventory();
        maxInventory = stats.maxInventory();
        rejections = stats.rejections();
        retries = stats.retries();
        recenters = stats.recenters();
        synchronized (recent) {
            recent.clear();
            recent.addAll(trips);
        }
        published = stats;
        publishedChanges = changes;
    }
}
