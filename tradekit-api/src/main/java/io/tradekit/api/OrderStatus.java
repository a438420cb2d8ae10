package io.tradekit.api;

/**
 * The life cycle of an order. {@link #PENDING_NEW} is an order written ahead and sent, whose
 * acknowledgement has not arrived; {@link #UNKNOWN} is an order whose request ended in a timeout or a
 * 5xx: it may or may not be at the venue and is resolved by a lookup, never treated as a failure.
 */
public enum OrderStatus {
    /** Written ahead and sent; the venue has not answered yet. */
    PENDING_NEW,
    /** Accepted by the venue, nothing filled yet. */
    NEW,
    /** Part of the quantity filled; the rest works on. */
    PARTIALLY_FILLED,
    /** The whole quantity filled. */
    FILLED,
    /** Cancelled (by the bot, an operator or the venue) before it filled entirely. */
    CANCELED,
    /** Refused by the venue or by the bot's own checks. */
    REJECTED,
    /** Ended by its time in force (an IOC's unfilled rest, for example). */
    EXPIRED,
    /** The request's outcome is not known (a timeout or a 5xx): resolved by a lookup. */
    UNKNOWN;

    /**
     * Whether no further fill can arrive.
     *
     * @return true for FILLED, CANCELED, REJECTED and EXPIRED
     */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /**
     * Whether the order is working at the venue, or possibly so.
     *
     * @return true unless {@link #isTerminal()}
     */
    public boolean isOpen() {
        return !isTerminal();
    }
}
