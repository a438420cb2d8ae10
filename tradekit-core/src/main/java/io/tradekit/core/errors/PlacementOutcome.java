package io.tradekit.core.errors;

/**
 * What a failed request for a new order says about the order: it certainly never reached the venue's
 * books, or it may have. An order that may have been placed is looked up by its client order id and
 * never sent again blindly.
 */
public enum PlacementOutcome {
    /** The venue refused it, or the request never left (the connection was never made). */
    NOT_PLACED,
    /** The request may have taken effect (timeout, connection lost after sending, unreadable answer, 5xx). */
    MAYBE_PLACED
}
