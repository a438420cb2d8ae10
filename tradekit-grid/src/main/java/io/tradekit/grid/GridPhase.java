package io.tradekit.grid;

/** Where a grid strategy is in its life. */
public enum GridPhase {
    /** Waiting for the first bar after warmup to build the grid. */
    PENDING,
    /** Orders are working on the levels. */
    RUNNING,
    /** The price is outside the range; the grid holds or waits for its cooldown before recentering. */
    OUT_OF_RANGE,
    /** Stopped by the rebalance rule {@code stop}: no orders, inventory kept. */
    STOPPED,
    /** A risk limit was hit: orders are being cancelled and the inventory sold. */
    FLATTENING,
    /** Flattened after a risk limit: no orders, no inventory, nothing more will be placed. */
    FLATTENED;

    /**
     * Whether the grid is done trading: in these phases it places no more orders.
     *
     * @return true for {@link #STOPPED} and {@link #FLATTENED}
     */
    public boolean isFinal() {
        return this == STOPPED || this == FLATTENED;
    }
}
