package io.tradekit.binance.sim;

/**
 * Binance's error texts as its errors.md spells them. The simulator keeps its own copy: a typo shared
 * with the adapter's error table would otherwise pass both sides.
 */
final class VenueMessages {

    static final String UNKNOWN_ORDER = "Unknown order sent.";
    static final String DUPLICATE_ORDER = "Duplicate order sent.";
    static final String INSUFFICIENT_BALANCE = "Account has insufficient balance for requested action.";
    static final String WOULD_MATCH = "Order would immediately match and take.";
    static final String NO_SUCH_ORDER = "Order does not exist.";
    static final String INVALID_SYMBOL = "Invalid symbol.";
    static final String OUTSIDE_RECV_WINDOW = "Timestamp for this request is outside of the recvWindow.";
    static final String AHEAD_OF_SERVER = "Timestamp for this request was 1000ms ahead of the server's time.";
    static final String INVALID_SIGNATURE = "Signature for this request is not valid.";
    static final String BAD_API_KEY_FORMAT = "API-key format invalid.";
    static final String REJECTED_API_KEY = "Invalid API-key, IP, or permissions for action.";
    /** faqs/stp_faq.md: a mode outside the symbol's allowedSelfTradePreventionModes, code -1013. */
    static final String STP_MODE_NOT_ALLOWED = "This symbol does not allow the specified self-trade prevention mode.";
    /** errors.md, messages of -2038 ORDER_AMEND_REJECTED. */
    static final String AMEND_INCREASE = "Order amend (quantity increase) is not supported.";
    static final String AMEND_NO_CHANGE = "The requested action would change no state; rejecting";
    /** Not in errors.md: this simulator's words for an amend down to or below the executed quantity. */
    static final String AMEND_NOT_ABOVE_EXECUTED = "Order amend (quantity at or below the executed quantity) is not supported.";
    /** errors.md, -2039 CLIENT_ORDER_ID_INVALID. */
    static final String CLIENT_ORDER_ID_INVALID = "Client order ID is not correct for this order ID.";
    static final String INTERNAL_ERROR = "Internal error; unable to process your request. Please try again.";

    private VenueMessages() {
    }

    /** {@code Filter failure: PRICE_FILTER} and the like, code -1013. */
    static String filterFailure(String filter) {
        return "Filter failure: " + filter;
    }
}
