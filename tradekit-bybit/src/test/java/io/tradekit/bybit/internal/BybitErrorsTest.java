package io.tradekit.bybit.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The error table: each code the issue names, and HTTP statuses, mean what Bybit documents. */
class BybitErrorsTest {

    @ParameterizedTest(name = "retCode {0} is {1} / {2}")
    @CsvSource({
            "10001, INVALID_ORDER, SKIP",
            "10002, CLOCK_SKEW, RESYNC_CLOCK",
            "10003, AUTH, HALT",
            "10004, AUTH, HALT",
            "10005, AUTH, HALT",
            "10006, RATE_LIMIT, BACK_OFF",
            "10018, RATE_LIMIT, BACK_OFF",
            "110001, ORDER_NOT_FOUND, RESYNC_STATE",
            "170213, ORDER_NOT_FOUND, RESYNC_STATE",
            "110004, INSUFFICIENT_FUNDS, SKIP",
            "110007, INSUFFICIENT_FUNDS, SKIP",
            "170131, INSUFFICIENT_FUNDS, SKIP",
            "110072, UNKNOWN_OUTCOME, RESYNC_STATE",
            "170141, UNKNOWN_OUTCOME, RESYNC_STATE",
            "170134, INVALID_ORDER, SKIP",
            "170136, INVALID_ORDER, SKIP",
            "170137, INVALID_ORDER, SKIP",
            "170140, INVALID_ORDER, SKIP",
            "170121, INVALID_ORDER, SKIP",
            "10016, UNKNOWN_OUTCOME, RESYNC_STATE",
            "110017, INVALID_ORDER, SKIP",
            "110043, INVALID_ORDER, SKIP",
            "110044, INSUFFICIENT_FUNDS, SKIP",
            "110094, INVALID_ORDER, SKIP",
    })
    void eachDocumentedRetCodeMapsToItsCategoryAndRecovery(int code, ErrorCategory category, RecoveryAction action) {
        BybitErrors.Mapping m = BybitErrors.classify(200, code, true);

        assertThat(m.category()).isEqualTo(category);
        assertThat(m.action()).isEqualTo(action);
    }

    @Test
    void aServerErrorIsAnUnknownOutcomeWhateverTheBodySays() {
        assertThat(BybitErrors.classify(502, 170131, true).category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(BybitErrors.classify(500, null, false).action()).isEqualTo(RecoveryAction.RESYNC_STATE);
    }

    @Test
    void accessTooFrequentIsARateLimitThatPausesForTheIpBlock() {
        ExchangeException e = BybitErrors.toException("GET /v5/order/realtime", 403, null, "access too frequent", false, BybitErrors.IP_BLOCK);

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(e.recoveryAction()).isEqualTo(RecoveryAction.PAUSE);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(e.getMessage()).contains("GET /v5/order/realtime").contains("HTTP 403");
    }

    @Test
    void anUnknownCodeRefusesAnOrderButPausesOtherCalls() {
        assertThat(BybitErrors.classify(200, 999_999, true).category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(BybitErrors.classify(200, 999_999, false).category()).isEqualTo(ErrorCategory.INTERNAL);
    }

    @Test
    void theMessageNamesTheCallTheCodeAndTheVenuesText() {
        ExchangeException e = BybitErrors.toException("POST /v5/order/create (BTCUSDT)", 200, 170131, "Insufficient balance.", true, null);

        assertThat(e.getMessage()).isEqualTo("bybit POST /v5/order/create (BTCUSDT): 170131 Insufficient balance. (balance insufficient)");
        assertThat(e.venueCode()).isEqualTo("170131");
        assertThat(e.venue()).isEqualTo("bybit");
    }
}
