package io.tradekit.kraken.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tradekit.api.ErrorCategory.AUTH;
import static io.tradekit.api.ErrorCategory.CLOCK_SKEW;
import static io.tradekit.api.ErrorCategory.INSUFFICIENT_FUNDS;
import static io.tradekit.api.ErrorCategory.INTERNAL;
import static io.tradekit.api.ErrorCategory.INVALID_INPUT;
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
 * Every Kraken error string a bot can meet ({@code "Category:Message"} in the answer's {@code error}
 * array), with what it means for the bot. Rows are read top to bottom, first match wins; a row matches
 * the whole string or, where it ends in {@code *}, its start. Sources: Kraken's REST docs and support
 * articles on API errors, and the error map of ccxt's kraken client.
 *
 * <p>HTTP status comes first: 5xx means the outcome is unknown (look the order up, never resend).
 */
public final class KrakenErrors {

    public static final String VENUE = "kraken";

    public static final String INVALID_NONCE = "EAPI:Invalid nonce";
    public static final String UNKNOWN_ORDER = "EOrder:Unknown order";
    private static final Pattern THROTTLED = Pattern.compile("(?i)EService:\\s*Throttled\\s*:\\s*([0-9]{1,12})\\s*");

    /** What the adapter was doing; a few errors mean different things per operation. */
    public enum Operation { PLACE, CANCEL, QUERY, OTHER }

    /** What an error means for the bot. */
    public record Mapping(ErrorCategory category, RecoveryAction action, String meaning) {
    }

    private record Rule(String pattern, Mapping mapping) {
        boolean matches(String lower) {
            return pattern.endsWith("*") ? lower.startsWith(pattern.substring(0, pattern.length() - 1)) : lower.equals(pattern);
        }
    }

    private static Rule rule(String pattern, ErrorCategory category, RecoveryAction action, String meaning) {
        return new Rule(pattern.toLowerCase(Locale.ROOT), new Mapping(category, action, meaning));
    }

    private static final List<Rule> RULES = List.of(
            rule("EAPI:Invalid key", AUTH, HALT, "the API key is not known or not valid"),
            rule("EAPI:Invalid signature", AUTH, HALT, "API-Sign did not match the request"),
            rule(INVALID_NONCE, CLOCK_SKEW, RESYNC_CLOCK, "the nonce was not above the key's last one; refused before processing"),
            rule("EAPI:Rate limit exceeded", RATE_LIMIT, BACK_OFF, "the key's REST call counter is full"),
            rule("EAPI:Feature disabled", AUTH, HALT, "the feature is disabled for this key or account"),
            rule("EAPI:Bad request", INVALID_ORDER, SKIP, "the request was malformed; nothing happened"),
            rule("EOrder:Rate limit exceeded", RATE_LIMIT, BACK_OFF, "the pair's order rate counter is full"),
            rule("EOrder:Insufficient funds", INSUFFICIENT_FUNDS, SKIP, "not enough free balance for the order"),
            rule("EOrder:Order minimum not met", INVALID_ORDER, SKIP, "volume below the pair's ordermin"),
            rule("EOrder:Cost minimum not met", INVALID_ORDER, SKIP, "price times volume below the pair's costmin"),
            rule("EOrder:Tick size check failed", INVALID_ORDER, SKIP, "price not on the pair's tick size"),
            rule("EOrder:Invalid price*", INVALID_ORDER, SKIP, "price not valid for the pair"),
            rule("EOrder:Post only order", INVALID_ORDER, SKIP, "a post-only order would have taken liquidity"),
            rule("EOrder:Unknown order", ORDER_NOT_FOUND, RESYNC_STATE, "no such open order (filled, cancelled or never placed)"),
            rule("EOrder:Duplicate*", UNKNOWN_OUTCOME, RESYNC_STATE, "an order with this client order id is already open: look it up"),
            rule("EOrder:Orders limit exceeded", INVALID_ORDER, SKIP, "too many open orders on the account"),
            rule("EOrder:Trading agreement required", AUTH, HALT, "the account must accept a trading agreement first"),
            rule("EOrder:Cannot open position", INVALID_ORDER, SKIP, "the order would open a position the account may not hold"),
            rule("EOrder:*", INVALID_ORDER, SKIP, "the order was refused"),
            rule("EGeneral:Permission denied", AUTH, HALT, "the API key lacks the permission for this call"),
            rule("EGeneral:Invalid arguments*", INVALID_ORDER, SKIP, "a parameter was refused; nothing happened"),
            rule("EGeneral:Too many requests", RATE_LIMIT, BACK_OFF, "too many requests"),
            rule("EGeneral:Temporary lockout", RATE_LIMIT, PAUSE, "the key is locked out for a while after too many errors"),
            rule("EGeneral:Internal error*", UNKNOWN_OUTCOME, RESYNC_STATE, "internal error; the request may have taken effect"),
            rule("EGeneral:Unknown method", INVALID_INPUT, HALT, "the adapter called a method Kraken does not have"),
            rule("EQuery:Unknown asset pair", INVALID_INPUT, HALT, "no such pair at Kraken"),
            rule("EQuery:Invalid asset pair", INVALID_INPUT, HALT, "no such pair at Kraken"),
            rule("EQuery:*", INVALID_ORDER, SKIP, "the query was refused"),
            rule("EService:Throttled*", RATE_LIMIT, BACK_OFF, "too many concurrent requests; refused unprocessed, try again after the time it names"),
            rule("EService:Deadline elapsed", UNKNOWN_OUTCOME, RESYNC_STATE, "the matching engine did not answer in time; the outcome is unknown"),
            rule("EService:Unavailable", VENUE_UNAVAILABLE, BACK_OFF, "the matching engine or API is offline"),
            rule("EService:Busy", VENUE_UNAVAILABLE, BACK_OFF, "the venue is overloaded"),
            rule("EService:Market in cancel_only mode", VENUE_UNAVAILABLE, PAUSE, "the pair accepts cancels only"),
            rule("EService:Market in post_only mode", VENUE_UNAVAILABLE, PAUSE, "the pair accepts post-only orders only"),
            rule("EService:Market in limit_only mode", VENUE_UNAVAILABLE, PAUSE, "the pair accepts limit orders only"),
            rule("EService:*", VENUE_UNAVAILABLE, BACK_OFF, "the venue refused the request for now"),
            rule("EAPI:*", AUTH, HALT, "the API refused the request"));

    private KrakenErrors() {
    }

    /**
     * What a Kraken answer means for the bot.
     *
     * @param httpStatus the HTTP status, 200 for the usual error-in-body answer
     * @param error      the first entry of the answer's {@code error} array, or null when there was none
     */
    public static Mapping classify(Operation operation, int httpStatus, String error) {
        if (httpStatus >= 500) {
            return new Mapping(UNKNOWN_OUTCOME, RESYNC_STATE, "HTTP " + httpStatus + ": the outcome is unknown, look it up");
        }
        if (error != null) {
            // Kraken's documents write some as "EService: Throttled": a space after the category does not change the error
            String lower = error.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\s+", ":");
            for (Rule r : RULES) {
                if (r.matches(lower)) return r.mapping();
            }
        }
        if (httpStatus == 429) {
            return new Mapping(RATE_LIMIT, BACK_OFF, "HTTP 429: rate limit");
        }
        if (httpStatus == 403 && error == null) {
            return new Mapping(VENUE_UNAVAILABLE, BACK_OFF, "HTTP 403 from the venue's edge (an address ban): refused unprocessed");
        }
        if (httpStatus == 403 || httpStatus == 401) {
            return new Mapping(AUTH, HALT, "HTTP " + httpStatus + ": refused");
        }
        return operation == Operation.PLACE || operation == Operation.CANCEL
                ? new Mapping(INVALID_ORDER, SKIP, "refused by the venue (unrecognised error)")
                : new Mapping(INTERNAL, PAUSE, "unrecognised venue error");
    }

    /** The exception for an error answer; the message names the call, the error and what it means. */
    public static ExchangeException toException(String what, Operation operation, int httpStatus, String error, Duration retryAfter) {
        Mapping m = classify(operation, httpStatus, error);
        String code = error == null ? "HTTP" + httpStatus : error;
        String text = VENUE + " " + what + ": " + (error == null ? "HTTP " + httpStatus : error) + " (" + m.meaning() + ")";
        return new ExchangeException(VENUE, m.category(), m.action(), code, text, retryAfter, null);
    }

    /**
     * The wait an {@code EService:Throttled: <unix time>} answer names (Kraken: "try again after
     * [timestamp]"), from {@code nowMillis}; empty for any other error or a time that cannot be read.
     */
    public static Optional<Duration> throttledFor(String error, long nowMillis) {
        if (error == null) return Optional.empty();
        Matcher m = THROTTLED.matcher(error.strip());
        if (!m.matches()) return Optional.empty();
        long untilMillis = Long.parseLong(m.group(1)) * 1000;
        return Optional.of(Duration.ofMillis(Math.max(0, untilMillis - nowMillis)));
    }

    public static boolean isInvalidNonce(ExchangeException e) {
        return INVALID_NONCE.equalsIgnoreCase(e.venueCode());
    }

    public static boolean isRateLimit(String error) {
        return error != null && classify(Operation.OTHER, 200, error).category() == RATE_LIMIT;
    }
}
