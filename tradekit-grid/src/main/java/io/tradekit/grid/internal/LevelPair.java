package io.tradekit.grid.internal;

import io.tradekit.api.Side;

import java.math.BigDecimal;

/**
 * Two adjacent levels that trade together: a long pair {@code i} buys at level {@code i}, then sells what
 * it bought at level {@code i + 1}, then buys again; a short pair (on a perpetual) sells at {@code i + 1},
 * opening a short, then buys it back at {@code i}. It keeps the money of the current cycle exactly (what
 * the opening order cost or brought, what the closing one did, both legs' fees) so that a round trip's
 * profit needs no division. Mutable; owned by the bot's loop thread.
 */
final class LevelPair {

    final int index;
    /** A short pair opens with a sell at {@code index + 1} and closes with a buy at {@code index}. */
    boolean shortPair;
    /** False: waiting for its opening order to fill. True: holding, waiting to close at the other level. */
    boolean holding;
    /** Holding is wanted, but the inventory has not been bought yet (bootstrap in flight). */
    boolean awaitingInventory;
    /** Contracts (base units on spot) the pair holds, long or short as the pair is; never negative. */
    BigDecimal held = BigDecimal.ZERO;
    /** What the opening fills cost (long) or brought (short), in the quote asset. */
    BigDecimal entryCost = BigDecimal.ZERO;
    BigDecimal entryFees = BigDecimal.ZERO;
    /** What the closing fills have closed so far. */
    BigDecimal sold = BigDecimal.ZERO;
    /** What the closing fills brought (long) or cost (short), in the quote asset. */
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
        return holding == shortPair ? index : index + 1;
    }

    /** The side that opens the pair's position: buy for a long pair, sell for a short one. */
    Side openingSide() {
        return shortPair ? Side.SELL : Side.BUY;
    }

    /** The side of the pair's next order. */
    Side orderSide() {
        return holding ? openingSide().opposite() : openingSide();
    }

    /** Contracts the pair holds or would hold if its working opening order filled. */
    BigDecimal committed() {
        return holding || orderId == null ? held : held.add(orderQuantity).subtract(orderFilled);
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

    /** Back to waiting to open, with nothing held and no money of a cycle. */
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
