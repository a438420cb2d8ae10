package io.tradekit.strategies.confluence;

import io.tradekit.api.Signal;

/**
 * Counts over every decision of a {@link Confluence}: by outcome, how many a check held back, how many were stale,
 * and on how many an order-book gate was skipped for want of a book; and the bars on which no member voted.
 */
public final class DecisionCounts {

    private long decisions;
    private long buys;
    private long sells;
    private long holds;
    private long heldBack;
    private long stale;
    private long bookSkipped;
    private long quietBars;

    DecisionCounts() {
    }

    void add(Decision decision) {
        decisions++;
        if (decision.outcome() == Signal.BUY) buys++;
        else if (decision.outcome() == Signal.SELL) sells++;
        else holds++;
        if (decision.check("stale").filter(GateCheck::blocks).isPresent()) stale++;
        else if (decision.blocked()) heldBack++;
        if (decision.check("book").filter(c -> c.status() == GateCheck.Status.SKIPPED).isPresent()) bookSkipped++;
    }

    void quietBar() {
        quietBars++;
    }

    /**
     * Every decision: bars on which some member voted BUY or SELL.
     *
     * @return the number of decisions
     */
    public long decisions() {
        return decisions;
    }

    /**
     * Decisions that signalled BUY.
     *
     * @return the number of BUY decisions
     */
    public long buys() {
        return buys;
    }

    /**
     * Decisions that signalled SELL.
     *
     * @return the number of SELL decisions
     */
    public long sells() {
        return sells;
    }

    /**
     * Decisions that signalled nothing: no agreement, stale data or a check held the side back.
     *
     * @return the number of HOLD decisions
     */
    public long holds() {
        return holds;
    }

    /**
     * Decisions whose side a trend or book check held back (not counting stale ones).
     *
     * @return the number held back
     */
    public long heldBack() {
        return heldBack;
    }

    /**
     * Decisions refused because a timeframe's data was stale.
     *
     * @return the number refused as stale
     */
    public long stale() {
        return stale;
    }

    /**
     * Decisions on which the order-book gate was skipped because there was no book.
     *
     * @return the number with the book check skipped
     */
    public long bookSkipped() {
        return bookSkipped;
    }

    /**
     * Bars on which every member held; these are not decisions.
     *
     * @return the number of quiet bars
     */
    public long quietBars() {
        return quietBars;
    }
}
