package io.tradekit.binance.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.tradekit.api.ErrorCategory.AUTH;
import static io.tradekit.api.ErrorCategory.CLOCK_SKEW;
import static io.tradekit.api.ErrorCategory.INSUFFICIENT_FUNDS;
import static io.tradekit.api.ErrorCategory.INTERNAL;
import static io.tradekit.api.ErrorCategory.INVALID_ORDER;
import static io.tradekit.api.ErrorCategory.ORDER_NOT_FOUND;
import static io.tradekit.api.ErrorCategory.RATE_LIMIT;
import static io.tradekit.api.ErrorCategory.UNKNOWN_OUTCOME;
import static io.tradekit.api.ErrorCategory.VENUE_UNAVAILABLE;
import static io.tradekit.api.RecoveryAction.BACK_OFF;
import static io.tradekit.api.RecoveryAction.HALT;
import static io.tradekit.api.RecoveryAction.PAUSE;
import static io.tradekit.api.RecoveryAction.RESYNC_CLOCK;
import static io.tradekit.api.RecoveryAction.RESYNC_STATE;
import static io.tradekit.api.RecoveryAction.SKIP;

/**
 * Every Binance spot error a bot can meet, with what it means for the bot: one row per code (and, for
 * codes whose message tells different stories, per message), read top to bottom, first match wins.
 * Source: Binance's errors.md, rest-api.md ("HTTP Return Codes") and web-socket-api.md ("Status codes").
 *
 * <p>HTTP status comes first: 5xx means the outcome is unknown (never a failure: look the order up),
 * 429 is a rate limit, 418 an IP ban, 403 the web application firewall.
 */
public final class BinanceErrors {

    public static final String VENUE = "binance";

    // Messages as Binance sends them; the simulator answers with the same text.
    public static final String UNKNOWN_ORDER = "Unknown order sent.";
    public static final String DUPLICATE_ORDER = "Duplicate order sent.";
    public static final String INSUFFICIENT_BALANCE = "Account has insufficient balance for requested action.";
    public static final String WOULD_MATCH = "Order would immediately match and take.";
    public static final String NO_SUCH_ORDER = "Order does not exist.";
    public static final String INVALID_SYMBOL = "Invalid symbol.";
    public static final String OUTSIDE_RECV_WINDOW = "Timestamp for this request is outside of the recvWindow.";
    public static final String AHEAD_OF_SERVER = "Timestamp for this request was 1000ms ahead of the server's time.";
    public static final String INVALID_SIGNATURE = "Signature for this request is not valid.";
    public static final String BAD_API_KEY_FORMAT = "API-key format invalid.";
    public static final String REJECTED_API_KEY = "Invalid API-key, IP, or permissions for action.";
    public static final String AMEND_INCREASE = "Order amend (quantity increase) is not supported.";
    public static final String AMEND_NO_CHANGE = "The requested action would change no state; rejecting";
    public static final String INTERNAL_ERROR = "Internal error; unable to process your request. Please try again.";

    /** {@code Filter failure: PRICE_FILTER} and the like, code -1013. */
    public static String filterFailure(String filter) {
        return "Filter failure: " + filter;
    }

    /** What the adapter was doing; a few codes mean different things per operation. */
    public enum Operation {
        PLACE, AMEND, CANCEL, QUERY, OTHER;

        /** Whether the request changes an order, so that one sent and not answered must be looked up, never sent again. */
        public boolean changesAnOrder() {
            return this == PLACE || this == AMEND;
        }
    }

    /** What an error means for the bot. */
    public record Mapping(ErrorCategory category, RecoveryAction action, String meaning) {
    }

    private record Rule(int code, String messageFragment, Mapping mapping) {
        boolean matches(int c, String lowerMessage) {
            return code == c && (messageFragment == null || lowerMessage.contains(messageFragment));
        }
    }

    private static Rule rule(int code, String fragment, ErrorCategory category, RecoveryAction action, String meaning) {
        return new Rule(code, fragment == null ? null : fragment.toLowerCase(Locale.ROOT), new Mapping(category, action, meaning));
    }

    private static final String MALFORMED = "the request was refused as malformed; nothing happened";

    private static final List<Rule> RULES = List.of(
            // 10xx: server or network
            rule(-1000, null, UNKNOWN_OUTCOME, RESYNC_STATE, "unknown error while processing; the request may have taken effect"),
            rule(-1001, null, UNKNOWN_OUTCOME, RESYNC_STATE, "internal error; the request may have taken effect"),
            rule(-1002, null, AUTH, HALT, "not authorized for this request"),
            rule(-1003, null, RATE_LIMIT, BACK_OFF, "too much request weight or too many requests queued"),
            rule(-1006, null, UNKNOWN_OUTCOME, RESYNC_STATE, "unexpected answer from the matching engine; execution status unknown"),
            rule(-1007, null, UNKNOWN_OUTCOME, RESYNC_STATE, "backend timeout; execution status unknown"),
            rule(-1008, null, VENUE_UNAVAILABLE, BACK_OFF, "server overloaded"),
            rule(-1013, null, INVALID_ORDER, SKIP, "a symbol filter refused the order"),
            rule(-1014, null, INVALID_ORDER, SKIP, "unsupported order combination"),
            rule(-1015, null, RATE_LIMIT, BACK_OFF, "too many new orders"),
            rule(-1016, null, VENUE_UNAVAILABLE, PAUSE, "service no longer available"),
            rule(-1020, null, INVALID_ORDER, SKIP, "operation not supported"),
            rule(-1021, null, CLOCK_SKEW, RESYNC_CLOCK, "timestamp outside the recvWindow or ahead of the server"),
            rule(-1022, null, AUTH, HALT, "signature not valid"),
            // 11xx: request issues
            rule(-1100, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1101, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1102, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1103, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1104, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1105, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1106, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1108, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1111, null, INVALID_ORDER, SKIP, "precision over the asset's maximum"),
            rule(-1114, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1115, null, INVALID_ORDER, SKIP, "invalid time in force"),
            rule(-1116, null, INVALID_ORDER, SKIP, "invalid order type"),
            rule(-1117, null, INVALID_ORDER, SKIP, "invalid side"),
            rule(-1118, null, INVALID_ORDER, SKIP, "empty client order id"),
            rule(-1119, null, INVALID_ORDER, SKIP, "empty original client order id"),
            rule(-1120, null, INVALID_ORDER, SKIP, "invalid kline interval"),
            rule(-1121, null, INVALID_ORDER, SKIP, "invalid symbol"),
            rule(-1127, null, INVALID_ORDER, SKIP, "lookup interval too big"),
            rule(-1128, null, INVALID_ORDER, SKIP, "invalid combination of optional parameters"),
            rule(-1130, null, INVALID_ORDER, SKIP, MALFORMED),
            rule(-1131, null, INVALID_ORDER, SKIP, "recvWindow must be less than 60000"),
            // 20xx: matching engine answers (the message tells which)
            rule(-2010, "insufficient balance", INSUFFICIENT_FUNDS, SKIP, "not enough free balance for the order"),
            rule(-2010, "would immediately match", INVALID_ORDER, SKIP, "a post-only (LIMIT_MAKER) order would have taken liquidity"),
            rule(-2010, "duplicate order", UNKNOWN_OUTCOME, RESYNC_STATE, "an order with this client order id already exists: look it up"),
            rule(-2010, "market is closed", VENUE_UNAVAILABLE, PAUSE, "the symbol is not trading"),
            rule(-2010, "not permitted", AUTH, HALT, "the account may not trade this symbol"),
            rule(-2010, "restricted", AUTH, HALT, "the account may not trade this symbol"),
            rule(-2010, "disabled on this account", AUTH, HALT, "the action is disabled on the account"),
            rule(-2010, "may not place or cancel", AUTH, HALT, "the account may not trade"),
            rule(-2010, null, INVALID_ORDER, SKIP, "the matching engine rejected the order"),
            rule(-2011, "cancel restrictions", INVALID_ORDER, SKIP, "cancel restrictions not met"),
            rule(-2011, null, ORDER_NOT_FOUND, RESYNC_STATE, "the order is not open any more (filled, cancelled or unknown)"),
            rule(-2013, null, ORDER_NOT_FOUND, RESYNC_STATE, "no such order"),
            rule(-2014, null, AUTH, HALT, "API key format invalid"),
            rule(-2015, null, AUTH, HALT, "API key, IP or permissions rejected"),
            rule(-2026, null, ORDER_NOT_FOUND, RESYNC_STATE, "order archived"),
            // -2038 ORDER_AMEND_REJECTED: the order stays as it was (faqs/order_amend_keep_priority.md)
            rule(-2038, "disabled on this account", AUTH, HALT, "the action is disabled on the account"),
            rule(-2038, "may not place or cancel", AUTH, HALT, "the account may not trade"),
            rule(-2038, null, INVALID_ORDER, SKIP, "the matching engine refused the amend; the order is unchanged"),
            rule(-2039, null, INVALID_ORDER, SKIP, "the client order id is not the one of this order id"));

    private BinanceErrors() {
    }

    /**
     * What a Binance error means for the bot.
     *
     * @param httpStatus the HTTP status (or WebSocket API {@code status}); 0 when unknown
     * @param code       the Binance code, or null when the answer carried none
     */
    public static Mapping classify(Operation operation, int httpStatus, Integer code, String message) {
        if (httpStatus >= 500) {
            return new Mapping(UNKNOWN_OUTCOME, RESYNC_STATE, "HTTP " + httpStatus + ": execution status unknown, look it up");
        }
        if (httpStatus == 418) {
            return new Mapping(RATE_LIMIT, PAUSE, "IP banned for ignoring rate limits");
        }
        if (httpStatus == 403) {
            return new Mapping(VENUE_UNAVAILABLE, PAUSE, "blocked by the venue's web application firewall");
        }
        if (code != null) {
            String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
            for (Rule r : RULES) {
                if (r.matches(code, lower)) return r.mapping();
            }
        }
        if (httpStatus == 429) {
            return new Mapping(RATE_LIMIT, BACK_OFF, "rate limit");
        }
        return operation == Operation.PLACE || operation == Operation.AMEND || operation == Operation.CANCEL
                ? new Mapping(INVALID_ORDER, SKIP, "refused by the venue (unrecognised error)")
                : new Mapping(INTERNAL, PAUSE, "unrecognised venue error");
    }

    /** The exception for an error answer; the message names the call, the code and the venue's text. */
    public static ExchangeException toException(String what, Operation operation, int httpStatus, Integer code, String message,
                                                Duration retryAfter) {
        Mapping m = classify(operation, httpStatus, code, message);
        String text = VENUE + " " + what + ": " + (code == null ? "HTTP " + httpStatus : code + " " + Objects.toString(message, ""))
                + " (" + m.meaning() + ")";
        return new ExchangeException(VENUE, m.category(), m.action(), code == null ? "HTTP" + httpStatus : Integer.toString(code),
                text, retryAfter, null);
    }

    /** True for the codes whose answer means the asked-about order is not (or no longer) open or known. */
    public static boolean isOrderGone(ExchangeException e) {
        return e.category() == ORDER_NOT_FOUND;
    }
}
