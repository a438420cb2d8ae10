package io.tradekit.bybit.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;

import java.time.Duration;
import java.util.Map;
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
 * Every Bybit v5 error a spot or linear bot can meet, with what it means for the bot. Bybit answers most errors
 * with HTTP 200 and a {@code retCode}; HTTP status only speaks for the gateway: 401 (bad key or
 * headers), 403 ({@code access too frequent}: the IP is blocked for at least 10 minutes), 404 (path),
 * 429 (system protection) and 5xx (the outcome is unknown: look the order up, never re-send).
 * Source: Bybit's {@code docs/v5/error.mdx} and {@code rate-limit.mdx}.
 */
public final class BybitErrors {

    public static final String VENUE = "bybit";

    /** How long Bybit blocks an IP that made more than 600 requests in 5 s. */
    public static final Duration IP_BLOCK = Duration.ofMinutes(10);

    /** What an error means for the bot. */
    public record Mapping(ErrorCategory category, RecoveryAction action, String meaning) {
    }

    private static Mapping m(ErrorCategory category, RecoveryAction action, String meaning) {
        return new Mapping(category, action, meaning);
    }

    private static final String FILTER = "an instrument filter refused the order";

    private static final Map<Integer, Mapping> CODES = Map.ofEntries(
            Map.entry(10000, m(UNKNOWN_OUTCOME, RESYNC_STATE, "server timeout; the request may have taken effect")),
            Map.entry(10001, m(INVALID_ORDER, SKIP, "request parameter error; nothing happened")),
            Map.entry(10002, m(CLOCK_SKEW, RESYNC_CLOCK, "timestamp outside the recv window")),
            Map.entry(10003, m(AUTH, HALT, "API key invalid (or for another environment)")),
            Map.entry(10004, m(AUTH, HALT, "signature invalid")),
            Map.entry(10005, m(AUTH, HALT, "permission denied for this API key")),
            Map.entry(10006, m(RATE_LIMIT, BACK_OFF, "too many visits: the API rate limit was exceeded")),
            Map.entry(10007, m(AUTH, HALT, "user not logged in")),
            Map.entry(10008, m(AUTH, HALT, "user banned")),
            Map.entry(10009, m(AUTH, HALT, "IP banned")),
            Map.entry(10010, m(AUTH, HALT, "request from an IP the API key is not bound to")),
            Map.entry(10014, m(UNKNOWN_OUTCOME, RESYNC_STATE, "duplicate request: an identical one may have taken effect")),
            Map.entry(10016, m(UNKNOWN_OUTCOME, RESYNC_STATE, "internal system error; the request may have taken effect")),
            Map.entry(10017, m(INTERNAL, PAUSE, "route not found")),
            Map.entry(10018, m(RATE_LIMIT, BACK_OFF, "the IP rate limit was exceeded")),
            Map.entry(10027, m(AUTH, HALT, "transactions are banned on the account")),
            Map.entry(10028, m(AUTH, HALT, "the API is for unified accounts only")),
            Map.entry(110001, m(ORDER_NOT_FOUND, RESYNC_STATE, "order does not exist")),
            Map.entry(110003, m(INVALID_ORDER, SKIP, "order price out of the permissible range")),
            Map.entry(110004, m(INSUFFICIENT_FUNDS, SKIP, "insufficient wallet balance")),
            Map.entry(110007, m(INSUFFICIENT_FUNDS, SKIP, "insufficient available balance")),
            Map.entry(110008, m(ORDER_NOT_FOUND, RESYNC_STATE, "order already finished or cancelled")),
            Map.entry(110010, m(ORDER_NOT_FOUND, RESYNC_STATE, "order already cancelled")),
            Map.entry(110012, m(INSUFFICIENT_FUNDS, SKIP, "insufficient available balance")),
            Map.entry(110013, m(INVALID_ORDER, SKIP, "leverage not allowed at the position's risk limit tier")),
            Map.entry(110017, m(INVALID_ORDER, SKIP, "a reduce-only order has no position to reduce (its quantity would be truncated to zero)")),
            Map.entry(110020, m(INVALID_ORDER, SKIP, "more than 500 active orders")),
            Map.entry(110025, m(INVALID_ORDER, SKIP, "position mode not modified")),
            Map.entry(110029, m(INVALID_ORDER, SKIP, "hedge mode is not supported for this symbol")),
            Map.entry(110040, m(INVALID_ORDER, SKIP, "the order would trigger a forced liquidation")),
            Map.entry(110043, m(INVALID_ORDER, SKIP, "leverage not modified: it already has this value")),
            Map.entry(110044, m(INSUFFICIENT_FUNDS, SKIP, "available margin insufficient")),
            Map.entry(110045, m(INSUFFICIENT_FUNDS, SKIP, "wallet balance insufficient")),
            Map.entry(110094, m(INVALID_ORDER, SKIP, FILTER + ": order value below the minimum notional")),
            Map.entry(110072, m(UNKNOWN_OUTCOME, RESYNC_STATE, "an order with this orderLinkId already exists: look it up")),
            Map.entry(170001, m(UNKNOWN_OUTCOME, RESYNC_STATE, "internal error; the request may have taken effect")),
            Map.entry(170005, m(RATE_LIMIT, BACK_OFF, "too many new orders")),
            Map.entry(170007, m(UNKNOWN_OUTCOME, RESYNC_STATE, "backend timeout; the request may have taken effect")),
            Map.entry(170121, m(INVALID_ORDER, SKIP, "invalid symbol")),
            Map.entry(170130, m(INVALID_ORDER, SKIP, "a parameter's value is not valid")),
            Map.entry(170131, m(INSUFFICIENT_FUNDS, SKIP, "balance insufficient")),
            Map.entry(170132, m(INVALID_ORDER, SKIP, "order price too high")),
            Map.entry(170133, m(INVALID_ORDER, SKIP, "order price below the minimum")),
            Map.entry(170134, m(INVALID_ORDER, SKIP, FILTER + ": price has too many decimals (tick size)")),
            Map.entry(170135, m(INVALID_ORDER, SKIP, FILTER + ": quantity too large")),
            Map.entry(170136, m(INVALID_ORDER, SKIP, FILTER + ": quantity below the minimum")),
            Map.entry(170137, m(INVALID_ORDER, SKIP, FILTER + ": quantity has too many decimals (base precision)")),
            Map.entry(170139, m(ORDER_NOT_FOUND, RESYNC_STATE, "order already filled")),
            Map.entry(170140, m(INVALID_ORDER, SKIP, FILTER + ": order value below the minimum")),
            Map.entry(170141, m(UNKNOWN_OUTCOME, RESYNC_STATE, "an order with this client order id already exists: look it up")),
            Map.entry(170142, m(ORDER_NOT_FOUND, RESYNC_STATE, "order already cancelled")),
            Map.entry(170143, m(ORDER_NOT_FOUND, RESYNC_STATE, "order not on the book")),
            Map.entry(170146, m(UNKNOWN_OUTCOME, RESYNC_STATE, "order creation timed out; the order may exist")),
            Map.entry(170147, m(UNKNOWN_OUTCOME, RESYNC_STATE, "order cancellation timed out; the cancel may have taken effect")),
            Map.entry(170148, m(INVALID_ORDER, SKIP, FILTER + ": market order amount has too many decimals")),
            Map.entry(170151, m(VENUE_UNAVAILABLE, PAUSE, "the symbol is not open for trading yet")),
            Map.entry(170157, m(VENUE_UNAVAILABLE, PAUSE, "the symbol is not available for API trading")),
            Map.entry(170190, m(ORDER_NOT_FOUND, RESYNC_STATE, "order already finished")),
            Map.entry(170213, m(ORDER_NOT_FOUND, RESYNC_STATE, "order does not exist")),
            Map.entry(170218, m(INVALID_ORDER, SKIP, "a post-only order would have taken liquidity")));

    private BybitErrors() {
    }

    /**
     * What a Bybit error means.
     *
     * @param httpStatus the HTTP status (200 for a {@code retCode} error)
     * @param retCode    Bybit's code, or null when the answer carried none
     * @param placing    whether the call was a new order or a cancel (an unknown code then refuses the order)
     */
    public static Mapping classify(int httpStatus, Integer retCode, boolean placing) {
        if (httpStatus >= 500) {
            return m(UNKNOWN_OUTCOME, RESYNC_STATE, "HTTP " + httpStatus + ": execution status unknown, look it up");
        }
        if (httpStatus == 403) {
            return m(RATE_LIMIT, PAUSE, "access too frequent: the IP is blocked for " + IP_BLOCK.toMinutes() + " minutes");
        }
        if (httpStatus == 401) {
            return m(AUTH, HALT, "API key or signature headers refused");
        }
        if (httpStatus == 429) {
            return m(RATE_LIMIT, BACK_OFF, "system protection: too many requests");
        }
        if (httpStatus == 404) {
            return m(INTERNAL, PAUSE, "path not found");
        }
        if (retCode != null) {
            Mapping known = CODES.get(retCode);
            if (known != null) return known;
        }
        return placing ? m(INVALID_ORDER, SKIP, "refused by the venue (unrecognised error)") : m(INTERNAL, PAUSE, "unrecognised venue error");
    }

    /** The exception for an error answer; the message names the call, the code and the venue's text, never a signature. */
    public static ExchangeException toException(String what, int httpStatus, Integer retCode, String message, boolean placing,
                                                Duration retryAfter) {
        Mapping mapping = classify(httpStatus, retCode, placing);
        String text = VENUE + " " + what + ": " + (retCode == null ? "HTTP " + httpStatus : retCode + " " + Objects.toString(message, ""))
                + " (" + mapping.meaning() + ")";
        return new ExchangeException(VENUE, mapping.category(), mapping.action(), retCode == null ? "HTTP" + httpStatus : retCode.toString(),
                text, retryAfter, null);
    }
}
