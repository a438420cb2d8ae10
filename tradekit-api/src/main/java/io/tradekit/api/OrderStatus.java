package io.tradekit.api;

/**
 * The life cycle of an order. {@link #PENDING_NEW} is an order written ahead and sent, whose
 * acknowledgement has not arrived; {@link #UNKNOWN} is an order whose request ended in a timeout or a
 * 5xx: it may or may not be at the venue and is resolved by a lookup, never treated as a failure.
 */
public enum OrderStatus {
    PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, UNKNOWN;

    /** No further fill can arrive. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /** Working at the venue, or possibly so. */
    public boolean isOpen() {
        return !isTerminal();
    }
}
