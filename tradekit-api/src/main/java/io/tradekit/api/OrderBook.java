package io.tradekit.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An L2 order book of one symbol at one instant: bids best (highest) first, asks best (lowest) first,
 * each level the total quantity at its price. A venue adapter builds it from the venue's snapshot and
 * diff stream; {@code lastUpdateId} is the venue's sequence number of the last change applied, so two
 * books of one symbol can be compared for freshness.
 *
 * <p>The features a strategy or a gate reads ({@link #spread()}, {@link #spreadBps()},
 * {@link #imbalance(BigDecimal)}, {@link #depthWithinBps(Side, BigDecimal)}) are computed from the
 * levels on demand; an empty side makes the features that need it empty or zero, as each method says.
 *
 * @param symbol       the venue's symbol
 * @param lastUpdateId the venue's update id of the last change in this book
 * @param time         when the book was last changed (the venue's event time where it gives one)
 * @param bids         bid levels, prices strictly descending
 * @param asks         ask levels, prices strictly ascending
 */
public record OrderBook(String symbol, long lastUpdateId, Instant time, List<BookLevel> bids, List<BookLevel> asks) {

    private static final MathContext RATIO = MathContext.DECIMAL64;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /**
     * Copies the level lists and checks their order.
     *
     * @throws NullPointerException  when symbol, time, bids or asks is null
     * @throws InvalidInputException when a side is out of order or the book is crossed (best bid at or above best ask)
     */
    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        requireOrdered(symbol, "bids", bids, -1);
        requireOrdered(symbol, "asks", asks, 1);
        if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).price().compareTo(asks.get(0).price()) >= 0) {
            throw new InvalidInputException("order book " + symbol + " at update " + lastUpdateId + " is crossed: best bid "
                    + bids.get(0).price() + " >= best ask " + asks.get(0).price());
        }
    }

    private static void requireOrdered(String symbol, String side, List<BookLevel> levels, int direction) {
        for (int i = 1; i < levels.size(); i++) {
            int cmp = levels.get(i).price().compareTo(levels.get(i - 1).price());
            if (cmp != direction) {
                throw new InvalidInputException("order book " + symbol + ": " + side + " level " + i + " at "
                        + levels.get(i).price() + " is out of order after " + levels.get(i - 1).price());
            }
        }
    }

    /**
     * The highest bid.
     *
     * @return the best bid level, or null when there are no bids
     */
    public BookLevel bestBid() {
        return bids.isEmpty() ? null : bids.get(0);
    }

    /**
     * The lowest ask.
     *
     * @return the best ask level, or null when there are no asks
     */
    public BookLevel bestAsk() {
        return asks.isEmpty() ? null : asks.get(0);
    }

    /**
     * Whether both sides have at least one level, so mid, spread and the bps features are defined.
     *
     * @return true when there is at least one bid and one ask
     */
    public boolean isTwoSided() {
        return !bids.isEmpty() && !asks.isEmpty();
    }

    /**
     * The mid price.
     *
     * @return (best bid + best ask) / 2, in quote units
     * @throws IllegalStateException when a side is empty (see {@link #isTwoSided()})
     */
    public BigDecimal mid() {
        requireTwoSided("mid");
        return bids.get(0).price().add(asks.get(0).price()).divide(BigDecimal.TWO);
    }

    /**
     * The spread.
     *
     * @return best ask minus best bid, in quote units
     * @throws IllegalStateException when a side is empty (see {@link #isTwoSided()})
     */
    public BigDecimal spread() {
        requireTwoSided("spread");
        return asks.get(0).price().subtract(bids.get(0).price());
    }

    /**
     * The spread relative to the mid.
     *
     * @return spread / mid × 10 000, in basis points
     * @throws IllegalStateException when a side is empty (see {@link #isTwoSided()})
     */
    public BigDecimal spreadBps() {
        return spread().multiply(TEN_THOUSAND).divide(mid(), RATIO);
    }

    /**
     * The quote value (price × quantity, summed) resting on one side no further than {@code bps} basis
     * points from the mid: bids at or above mid × (1 − bps/10 000), asks at or below mid × (1 + bps/10 000).
     *
     * @param side {@link Side#BUY} for the bids, {@link Side#SELL} for the asks
     * @param bps  the band around the mid, in basis points, zero or more
     * @return the summed quote value of the levels within the band, zero when none is
     * @throws IllegalStateException when a side is empty (see {@link #isTwoSided()})
     * @throws InvalidInputException when {@code bps} is negative
     */
    public BigDecimal depthWithinBps(Side side, BigDecimal bps) {
        requireTwoSided("depth");
        if (bps.signum() < 0) {
            throw new InvalidInputException("order book " + symbol + ": depth band must not be negative, got " + bps + " bps");
        }
        BigDecimal band = mid().multiply(bps).divide(TEN_THOUSAND, RATIO);
        BigDecimal total = BigDecimal.ZERO;
        if (side == Side.BUY) {
            BigDecimal floor = mid().subtract(band);
            for (BookLevel level : bids) {
                if (level.price().compareTo(floor) < 0) {
                    break;
                }
                total = total.add(level.notional());
            }
        } else {
            BigDecimal ceiling = mid().add(band);
            for (BookLevel level : asks) {
                if (level.price().compareTo(ceiling) > 0) {
                    break;
                }
                total = total.add(level.notional());
            }
        }
        return total;
    }

    /**
     * Order-book imbalance within {@code bps} of the mid: (bid depth − ask depth) / (bid depth + ask depth),
     * by quote value, from −1 (only asks) to +1 (only bids); zero when both are empty within the band.
     *
     * @param bps the band around the mid, in basis points, zero or more
     * @return the imbalance, a number from −1 to +1
     * @throws IllegalStateException when a side is empty (see {@link #isTwoSided()})
     * @throws InvalidInputException when {@code bps} is negative
     */
    public BigDecimal imbalance(BigDecimal bps) {
        BigDecimal bid = depthWithinBps(Side.BUY, bps);
        BigDecimal ask = depthWithinBps(Side.SELL, bps);
        BigDecimal sum = bid.add(ask);
        return sum.signum() == 0 ? BigDecimal.ZERO : bid.subtract(ask).divide(sum, RATIO);
    }

    private void requireTwoSided(String feature) {
        if (!isTwoSided()) {
            throw new IllegalStateException("order book " + symbol + " has " + bids.size() + " bids and " + asks.size()
                    + " asks: " + feature + " needs both sides (check isTwoSided() first)");
        }
    }
}
