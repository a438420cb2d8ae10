package io.tradekit.core.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Each failure a bot meets, many of them produced for real on loopback sockets, mapped to its category and recovery. */
class ErrorClassifierTest {

    private static IOException httpClientToClosedPort() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LoopbackFailures.closedPort() + "/api/v3/order"))
                .POST(HttpRequest.BodyPublishers.ofString("symbol=BTCUSDT")).build();
        try {
            client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return e;
        }
        return fail("the request to a closed port got an answer");
    }

    private static Exception unreadableJson() {
        try {
            new ObjectMapper().readTree("{\"orderId\": 12,");
        } catch (Exception e) {
            return e;
        }
        return fail("truncated JSON was read");
    }

    // ---------------------------------------------------------------- tests

    @Test
    void everyCategoryHasAFailureThatMapsToIt() throws Exception {
        Map<ErrorCategory, Throwable> natural = new EnumMap<>(ErrorCategory.class);
        natural.put(ErrorCategory.NETWORK, LoopbackFailures.refusedConnection());
        natural.put(ErrorCategory.TIMEOUT, LoopbackFailures.readTimeout());
        natural.put(ErrorCategory.RATE_LIMIT, new ExchangeException("binance", ErrorCategory.RATE_LIMIT, RecoveryAction.BACK_OFF, "-1003",
                "Too many requests", Duration.ofSeconds(30), null));
        natural.put(ErrorCategory.AUTH, new ExchangeException("binance", ErrorCategory.AUTH, "-2015", "Invalid API-key, IP, or permissions"));
        natural.put(ErrorCategory.CLOCK_SKEW, new ExchangeException("binance", ErrorCategory.CLOCK_SKEW, "-1021", "Timestamp outside recvWindow"));
        natural.put(ErrorCategory.INSUFFICIENT_FUNDS, new OrderRejectedException(ErrorCategory.INSUFFICIENT_FUNDS, "INSUFFICIENT_BALANCE",
                "Account has insufficient balance"));
        natural.put(ErrorCategory.INVALID_ORDER, new OrderRejectedException("LOT_SIZE", "quantity 0.000001 is below the minimum"));
        natural.put(ErrorCategory.ORDER_NOT_FOUND, new ExchangeException("binance", ErrorCategory.ORDER_NOT_FOUND, "-2011", "Unknown order sent"));
        natural.put(ErrorCategory.VENUE_UNAVAILABLE, new ExchangeException("binance", ErrorCategory.VENUE_UNAVAILABLE, "-1008", "Server overloaded"));
        natural.put(ErrorCategory.UNKNOWN_OUTCOME, LoopbackFailures.resetAfterSending());
        natural.put(ErrorCategory.INVALID_INPUT, new InvalidInputException("bot 'x': no symbol"));
        natural.put(ErrorCategory.MALFORMED_DATA, unreadableJson());
        natural.put(ErrorCategory.INTERNAL, new IllegalStateException("a defect"));

        assertThat(natural.keySet()).isEqualTo(EnumSet.allOf(ErrorCategory.class));
        natural.forEach((category, failure) -> assertThat(ErrorClassifier.classify(failure).category())
                .as(failure.toString()).isEqualTo(category));
    }

    @Test
    void aTradeKitExceptionKeepsItsCategoryAndTheRecoveryItsThrowerChose() {
        for (ErrorCategory c : ErrorCategory.values()) {
            ClassifiedError e = ErrorClassifier.classify(new TradeKitException(c, "x"));
            assertThat(e.category()).isEqualTo(c);
            assertThat(e.action()).isEqualTo(c.defaultAction());
        }
        ExchangeException banned = new ExchangeException("binance", ErrorCategory.RATE_LIMIT, RecoveryAction.PAUSE, "-1003", "IP banned", null, null);
        assertThat(ErrorClassifier.classify(banned)).isEqualTo(new ClassifiedError(ErrorCategory.RATE_LIMIT, RecoveryAction.PAUSE,
                "ExchangeException: IP banned"));
    }

    @Test
    void aRefusedConnectionIsANetworkErrorToRetryAndProvesTheOrderWasNotPlaced() throws Exception {
        ConnectException refused = LoopbackFailures.refusedConnection();
        assertThat(ErrorClassifier.classify(refused).category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(ErrorClassifier.classify(refused).action()).isEqualTo(RecoveryAction.RETRY);
        assertThat(ErrorClassifier.placement(refused)).isEqualTo(PlacementOutcome.NOT_PLACED);

        IOException viaHttpClient = httpClientToClosedPort();
        assertThat(ErrorClassifier.classify(viaHttpClient).category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(ErrorClassifier.placement(viaHttpClient)).isEqualTo(PlacementOutcome.NOT_PLACED);
        assertThat(ErrorClassifier.classify(new UnresolvedAddressException()).category()).isEqualTo(ErrorCategory.NETWORK);
    }

    @Test
    void aConnectionResetAfterSendingLeavesTheOrderUnknown() throws Exception {
        SocketException reset = LoopbackFailures.resetAfterSending();
        assertThat(ErrorClassifier.classify(reset)).satisfies(c -> {
            assertThat(c.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
            assertThat(c.action()).isEqualTo(RecoveryAction.RESYNC_STATE);
        });
        assertThat(ErrorClassifier.placement(reset)).isEqualTo(PlacementOutcome.MAYBE_PLACED);
        // An adapter that called it NETWORK, with the reset as its cause, still does not prove the order absent.
        ExchangeException wrapped = new ExchangeException("binance", ErrorCategory.NETWORK, RecoveryAction.RECONNECT, "",
                "connection lost", null, reset);
        assertThat(ErrorClassifier.placement(wrapped)).isEqualTo(PlacementOutcome.MAYBE_PLACED);
        assertThat(ErrorClassifier.classifyPlacement(wrapped).category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
    }

    @Test
    void aNetworkErrorWithoutEvidenceOfSendingFollowsTheConventionThatNothingLeft() throws Exception {
        ExchangeException noCause = new ExchangeException("binance", ErrorCategory.NETWORK, "", "could not connect");
        assertThat(ErrorClassifier.placement(noCause)).isEqualTo(PlacementOutcome.NOT_PLACED);
        ExchangeException refused = new ExchangeException("binance", ErrorCategory.NETWORK, RecoveryAction.RETRY, "",
                "could not connect", null, new IOException("connect failed", LoopbackFailures.refusedConnection()));
        assertThat(ErrorClassifier.placement(refused)).isEqualTo(PlacementOutcome.NOT_PLACED);
        assertThat(ErrorClassifier.classifyPlacement(refused).category()).isEqualTo(ErrorCategory.NETWORK);
    }

    @Test
    void aTimeoutIsRetriedForAReadButLeavesANewOrderUnknown() throws Exception {
        SocketTimeoutException timeout = LoopbackFailures.readTimeout();
        assertThat(ErrorClassifier.classify(timeout).action()).isEqualTo(RecoveryAction.RETRY);
        assertThat(ErrorClassifier.placement(timeout)).isEqualTo(PlacementOutcome.MAYBE_PLACED);
        assertThat(ErrorClassifier.classify(new HttpTimeoutException("request timed out")).category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(ErrorClassifier.classify(new java.util.concurrent.TimeoutException()).category()).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void refusalsByTheVenueProveTheOrderWasNotPlaced() {
        assertThat(ErrorClassifier.placement(new OrderRejectedException("MIN_NOTIONAL", "too small"))).isEqualTo(PlacementOutcome.NOT_PLACED);
        for (ErrorCategory c : EnumSet.of(ErrorCategory.RATE_LIMIT, ErrorCategory.AUTH, ErrorCategory.CLOCK_SKEW,
                ErrorCategory.INSUFFICIENT_FUNDS, ErrorCategory.INVALID_ORDER, ErrorCategory.INVALID_INPUT)) {
            assertThat(ErrorClassifier.placement(new ExchangeException("v", c, "1", "refused"))).as(c.name()).isEqualTo(PlacementOutcome.NOT_PLACED);
        }
        // Even a category that usually means "unknown" is a refusal when the venue refused in so many words.
        assertThat(ErrorClassifier.placement(new OrderRejectedException(ErrorCategory.VENUE_UNAVAILABLE, "NO_PRICE", "no price yet")))
                .isEqualTo(PlacementOutcome.NOT_PLACED);
    }

    @Test
    void aBare5xxOrAnUnreadableAnswerLeavesANewOrderUnknownButACodedOverloadIsARefusal() {
        assertThat(ErrorClassifier.placement(new ExchangeException("binance", ErrorCategory.VENUE_UNAVAILABLE, "-1008", "overloaded")))
                .isEqualTo(PlacementOutcome.NOT_PLACED);
        assertThat(ErrorClassifier.placement(new ExchangeException("binance", ErrorCategory.VENUE_UNAVAILABLE, "", "HTTP 502 Bad Gateway")))
                .isEqualTo(PlacementOutcome.MAYBE_PLACED);
        for (ErrorCategory c : EnumSet.of(ErrorCategory.TIMEOUT, ErrorCategory.UNKNOWN_OUTCOME, ErrorCategory.MALFORMED_DATA,
                ErrorCategory.ORDER_NOT_FOUND, ErrorCategory.INTERNAL)) {
            assertThat(ErrorClassifier.placement(new ExchangeException("v", c, "", "?"))).as(c.name()).isEqualTo(PlacementOutcome.MAYBE_PLACED);
            assertThat(ErrorClassifier.classifyPlacement(new ExchangeException("v", c, "", "?")))
                    .isEqualTo(new ClassifiedError(ErrorCategory.UNKNOWN_OUTCOME, RecoveryAction.RESYNC_STATE, "ExchangeException: ?"));
        }
        assertThat(ErrorClassifier.placement(unreadableJson())).isEqualTo(PlacementOutcome.MAYBE_PLACED);
    }

    @Test
    void wrappersAreLookedThroughToTheRootCause() throws Exception {
        assertThat(ErrorClassifier.classify(new CompletionException(LoopbackFailures.refusedConnection())).category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(ErrorClassifier.classify(new UncheckedIOException(LoopbackFailures.readTimeout())).category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(ErrorClassifier.classify(new IllegalStateException("statement failed", new SQLException("disk I/O error", "HY000", 10))))
                .isEqualTo(new ClassifiedError(ErrorCategory.INTERNAL, RecoveryAction.HALT, "SQLException: disk I/O error"));
        assertThat(ErrorClassifier.classify(new RuntimeException(new ExchangeException("kraken", ErrorCategory.AUTH, "EAPI:Invalid key", "bad key")))
                .category()).isEqualTo(ErrorCategory.AUTH);
    }

    @Test
    void databaseFailuresAreRetriedWhenTransientAndHaltTheBotOtherwise() {
        assertThat(ErrorClassifier.classify(new SQLException("[SQLITE_BUSY] The database file is locked", "", 5)).action())
                .isEqualTo(RecoveryAction.RETRY);
        assertThat(ErrorClassifier.classify(new SQLTransientConnectionException("pool exhausted")).action()).isEqualTo(RecoveryAction.RETRY);
        assertThat(ErrorClassifier.classify(new SQLException("[SQLITE_CORRUPT] database disk image is malformed", "", 11)).action())
                .isEqualTo(RecoveryAction.HALT);
    }

    @Test
    void defectsPauseAndFatalErrorsHalt() {
        assertThat(ErrorClassifier.classify(new NullPointerException("price"))).isEqualTo(
                new ClassifiedError(ErrorCategory.INTERNAL, RecoveryAction.PAUSE, "NullPointerException: price"));
        assertThat(ErrorClassifier.classify(new StackOverflowError()).action()).isEqualTo(RecoveryAction.HALT);
        assertThat(ErrorClassifier.classify(new NumberFormatException("For input string: \"1,5\"")).category()).isEqualTo(ErrorCategory.MALFORMED_DATA);
        assertThat(ErrorClassifier.classify(null).category()).isEqualTo(ErrorCategory.INTERNAL);
    }
}
