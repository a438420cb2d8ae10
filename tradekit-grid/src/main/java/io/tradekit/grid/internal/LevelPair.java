package io.tradekit.grid.internal;

import java.math.BigDecimal;

/**
 * Two adjacent levels that trade together: pair {@code i} buys at level {@code i}, then sells what it
 * bought at level {@code i + 1}, then buys again. It keeps the money of the current cycle exactly (what
 * the buy cost, what the sell brought, both legs' fees) so that a round trip's profit needs no division.
 * Mutable; owned by the bot's loop thread.
 */
final class LevelPair {

    final int index;
    /** False: waiting to buy at level {@code index}. True: holding, waiting to sell at {@code index + 1}. */
    boolean holding;
    /** Holding is wanted, but the inventory has not been bought yet (bootstrap in flight). */
    boolean awaitingInventory;
    BigDecimal held = BigDecimal.ZERO;
    BigDecimal entryCost = BigDecimal.ZERO;
    BigDecimal entryFees = BigDecimal.ZERO;
    BigDecimal sold = BigDecimal.ZERO;
    BigDecimal exitProceeds = BigDecimal.ZERO;
    BigDecimal exitFees = BigDecimal.ZERO;
    /** The working order's client id, or null when the pair has none. */
    String orderId;
    BigDecimal orderQuantity = BigDecimal.ZERO;
    BigDecimal orderFilled = BigDecimal.ZERO;
    final RetryBackoff retry = new RetryBackoff();
    /**
     * The order waits for a price at which it rests (post-only), not for a backoff: it was refused for its
     * price, cancelled by someone else, or never sent because the last price would have made it take.
     */
    boolean waitingForPrice;
    /** The price point at which the venue refused the order for its price: it is tried again only at a later point. */
    long refusedAtPoint = -1;

    LevelPair(int index) {
        this.index = index;
    }

    /** The level this pair's next order goes to. */
    int orderLevel() {
        return holding ? index + 1 : index;
    }

    /** Has no working order and is not waiting for inventory: an order must be placed (when its retry is due). */
    boolean needsOrder() {
        return orderId == null && !awaitingInventory;
    }

    void clearOrder() {
        orderId = null;
        orderQuantity = BigDecimal.ZERO;
        orderFilled = BigDecimal.ZERO;
    }

    /** Back to waiting to buy, with nothing held and no money of a cycle. */
    void resetCycle() {
        holding = false;
        held = BigDecimal.ZERO;
        entryCost = BigDecimal.ZERO;
        entryFees = BigDecimal.ZERO;
        sold = BigDecimal.ZERO;
        exitProceeds = BigDecimal.ZERO;
        exitFees = BigDecimal.ZERO;
    }
}
