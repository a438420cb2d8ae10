package io.tradekit.grid;

import io.tradekit.api.Side;

import java.util.Optional;

/**
 * The orders a grid wants for one price: a buy on every level below the level the price sits on
 * ({@code anchor}), a sell on every level above it, and nothing on the anchor itself. In pair terms (a
 * pair {@code i} buys at level {@code i} and sells at level {@code i + 1}), pairs below the anchor wait
 * to buy and pairs from the anchor up hold inventory and wait to sell.
 *
 * @param anchor     the index of the level the price sits on
 * @param levelCount how many levels the grid has
 */
public record GridPlan(int anchor, int levelCount) {

    private static final Optional<Side> BUY = Optional.of(Side.BUY);
    private static final Optional<Side> SELL = Optional.of(Side.SELL);

    /**
     * The side of the order wanted on {@code level}, or empty on the anchor.
     *
     * @param level a level index, 0 to {@code levelCount - 1}
     * @return BUY below the anchor, SELL above it, empty on it
     * @throws IndexOutOfBoundsException if {@code level} is not a level of the grid
     */
    public Optional<Side> sideAt(int level) {
        if (level < 0 || level >= levelCount) throw new IndexOutOfBoundsException("level " + level + " of " + levelCount);
        return level < anchor ? BUY : level > anchor ? SELL : Optional.empty();
    }

    /**
     * How many buy orders the plan wants.
     *
     * @return the number of levels below the anchor
     */
    public int buyCount() {
        return anchor;
    }

    /**
     * How many sell orders the plan wants.
     *
     * @return the number of levels above the anchor
     */
    public int sellCount() {
        return levelCount - 1 - anchor;
    }

    /**
     * Whether pair {@code pair} (level {@code pair} to {@code pair + 1}) should hold inventory at this price.
     *
     * @param pair the pair's index, its lower level
     * @return true for pairs from the anchor up
     */
    public boolean holds(int pair) {
        return pair >= anchor;
    }
}
