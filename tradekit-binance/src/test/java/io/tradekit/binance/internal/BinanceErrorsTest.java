package io.tradekit.binance.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.binance.internal.BinanceErrors.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Binance code the adapter maps, with the message Binance sends (errors.md). */
class BinanceErrorsTest {

    @ParameterizedTest(name = "{1} {2} {3} -> {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            PLACE  | 400 | -1000 | An unknown error occurred while processing the request.                 | UNKNOWN_OUTCOME    | RESYNC_STATE
            PLACE  | 400 | -1001 | Internal error; unable to process your request. Please try again.       | UNKNOWN_OUTCOME    | RESYNC_STATE
            QUERY  | 401 | -1002 | You are not authorized to execute this request.                         | AUTH               | HALT
            QUERY  | 429 | -1003 | Too much request weight used; current limit is 6000 request weight per 1 MINUTE. | RATE_LIMIT | BACK_OFF
            PLACE  | 400 | -1006 | An unexpected response was received from the message bus. Execution status unknown. | UNKNOWN_OUTCOME | RESYNC_STATE
            PLACE  | 400 | -1007 | Timeout waiting for response from backend server. Send status unknown; execution status unknown. | UNKNOWN_OUTCOME | RESYNC_STATE
            QUERY  | 400 | -1008 | Server is currently overloaded with other requests. Please try again in a few minutes. | VENUE_UNAVAILABLE | BACK_OFF
            PLACE  | 400 | -1013 | Filter failure: PRICE_FILTER                                             | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1013 | Filter failure: LOT_SIZE                                                 | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1013 | Filter failure: NOTIONAL                                                 | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1014 | Unsupported order combination.                                           | INVALID_ORDER      | SKIP
            PLACE  | 429 | -1015 | Too many new orders; current limit is 50 orders per 10 SECOND.          | RATE_LIMIT         | BACK_OFF
            QUERY  | 400 | -1016 | This service is no longer available.                                     | VENUE_UNAVAILABLE  | PAUSE
            PLACE  | 400 | -1020 | This operation is not supported.                                         | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1021 | Timestamp for this request is outside of the recvWindow.                | CLOCK_SKEW         | RESYNC_CLOCK
            PLACE  | 400 | -1021 | Timestamp for this request was 1000ms ahead of the server's time.        | CLOCK_SKEW         | RESYNC_CLOCK
            PLACE  | 400 | -1022 | Signature for this request is not valid.                                 | AUTH               | HALT
            PLACE  | 400 | -1100 | Illegal characters found in parameter 'newClientOrderId'.                | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1102 | Mandatory parameter 'price' was not sent, was empty/null, or malformed.  | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1106 | Parameter 'timeInForce' sent when not required.                          | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1111 | Precision is over the maximum defined for this asset.                    | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1115 | Invalid timeInForce.                                                     | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1116 | Invalid orderType.                                                       | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1117 | Invalid side.                                                            | INVALID_ORDER      | SKIP
            QUERY  | 400 | -1120 | Invalid interval.                                                        | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1121 | Invalid symbol.                                                          | INVALID_ORDER      | SKIP
            QUERY  | 400 | -1127 | More than 24 hours between startTime and endTime.                        | INVALID_ORDER      | SKIP
            PLACE  | 400 | -1131 | recvWindow must be less than 60000                                       | INVALID_ORDER      | SKIP
            PLACE  | 400 | -2010 | Account has insufficient balance for requested action.                   | INSUFFICIENT_FUNDS | SKIP
            PLACE  | 400 | -2010 | Order would immediately match and take.                                  | INVALID_ORDER      | SKIP
            PLACE  | 400 | -2010 | Duplicate order sent.                                                    | UNKNOWN_OUTCOME    | RESYNC_STATE
            PLACE  | 400 | -2010 | Market is closed.                                                        | VENUE_UNAVAILABLE  | PAUSE
            PLACE  | 400 | -2010 | This symbol is not permitted for this account.                           | AUTH               | HALT
            PLACE  | 400 | -2010 | This account may not place or cancel orders.                             | AUTH               | HALT
            PLACE  | 400 | -2010 | Price * QTY is zero or less.                                             | INVALID_ORDER      | SKIP
            CANCEL | 400 | -2011 | Unknown order sent.                                                      | ORDER_NOT_FOUND    | RESYNC_STATE
            CANCEL | 400 | -2011 | Order was not canceled due to cancel restrictions.                       | INVALID_ORDER      | SKIP
            QUERY  | 400 | -2013 | Order does not exist.                                                    | ORDER_NOT_FOUND    | RESYNC_STATE
            PLACE  | 401 | -2014 | API-key format invalid.                                                  | AUTH               | HALT
            PLACE  | 401 | -2015 | Invalid API-key, IP, or permissions for action.                          | AUTH               | HALT
            QUERY  | 400 | -2026 | Order was canceled or expired with no executed qty over 90 days ago and has been archived. | ORDER_NOT_FOUND | RESYNC_STATE
            """)
    void mapsEveryDocumentedCode(Operation operation, int status, int code, String message, ErrorCategory category, RecoveryAction action) {
        BinanceErrors.Mapping m = BinanceErrors.classify(operation, status, code, message);
        assertThat(m.category()).isEqualTo(category);
        assertThat(m.action()).isEqualTo(action);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1} {2}")
    @CsvSource({
            "500, UNKNOWN_OUTCOME, RESYNC_STATE",
            "502, UNKNOWN_OUTCOME, RESYNC_STATE",
            "503, UNKNOWN_OUTCOME, RESYNC_STATE",
            "418, RATE_LIMIT, PAUSE",
            "429, RATE_LIMIT, BACK_OFF",
            "403, VENUE_UNAVAILABLE, PAUSE"})
    void httpStatusDecidesWhenTheBodyCarriesNoCode(int status, ErrorCategory category, RecoveryAction action) {
        BinanceErrors.Mapping m = BinanceErrors.classify(Operation.PLACE, status, null, "<html>...</html>");
        assertThat(m.category()).isEqualTo(category);
        assertThat(m.action()).isEqualTo(action);
    }

    @Test
    void aServerErrorIsAnUnknownOutcomeEvenWithABinanceCode() {
        assertThat(BinanceErrors.classify(Operation.PLACE, 503, -1008, "Server is currently overloaded").category())
                .isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
    }

    @Test
    void anUnknownCodeIsNeverSilentlyTreatedAsSuccess() {
        assertThat(BinanceErrors.classify(Operation.PLACE, 400, -9999, "new").category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(BinanceErrors.classify(Operation.QUERY, 400, -9999, "new").category()).isEqualTo(ErrorCategory.INTERNAL);
    }

    @Test
    void theExceptionNamesTheCallTheCodeAndTheVenueMessage() {
        ExchangeException e = BinanceErrors.toException("POST /api/v3/order (client order id g1-7)", Operation.PLACE, 400, -2010,
                BinanceErrors.INSUFFICIENT_BALANCE, null);
        assertThat(e.venue()).isEqualTo("binance");
        assertThat(e.venueCode()).isEqualTo("-2010");
        assertThat(e.category()).isEqualTo(ErrorCategory.INSUFFICIENT_FUNDS);
        assertThat(e.getMessage()).contains("POST /api/v3/order").contains("g1-7").contains("-2010")
                .contains("Account has insufficient balance for requested action.");
        ExchangeException limited = BinanceErrors.toException("GET /api/v3/klines", Operation.QUERY, 429, -1003, "Too much request weight used",
                Duration.ofSeconds(7));
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    }
}
