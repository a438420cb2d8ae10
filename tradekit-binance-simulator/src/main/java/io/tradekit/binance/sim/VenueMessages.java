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
    static final String INTERNAL_ERROR = "Internal error; unable to process your request. Please try again.";

    private VenueMessages() {
    }

    /** {@code Filter failure: PRICE_FILTER} and the like, code -1013. */
    static String filterFailure(String filter) {
        return "Filter failure: " + filter;
    }
}
