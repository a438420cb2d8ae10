package io.tradekit.kraken.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.RecoveryAction;
import io.tradekit.kraken.internal.KrakenErrors.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KrakenErrorsTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            "EAPI:Invalid key, AUTH, HALT",
            "EAPI:Invalid signature, AUTH, HALT",
            "EAPI:Invalid nonce, CLOCK_SKEW, RESYNC_CLOCK",
            "EAPI:Rate limit exceeded, RATE_LIMIT, BACK_OFF",
            "EOrder:Rate limit exceeded, RATE_LIMIT, BACK_OFF",
            "EGeneral:Invalid arguments, INVALID_ORDER, SKIP",
            "EGeneral:Invalid arguments:volume, INVALID_ORDER, SKIP",
            "EGeneral:Permission denied, AUTH, HALT",
            "EGeneral:Internal error, UNKNOWN_OUTCOME, RESYNC_STATE",
            "EOrder:Insufficient funds, INSUFFICIENT_FUNDS, SKIP",
            "EOrder:Order minimum not met, INVALID_ORDER, SKIP",
            "EOrder:Cost minimum not met, INVALID_ORDER, SKIP",
            "EOrder:Unknown order, ORDER_NOT_FOUND, RESYNC_STATE",
            "EOrder:Duplicate cl_ord_id, UNKNOWN_OUTCOME, RESYNC_STATE",
            "EOrder:Post only order, INVALID_ORDER, SKIP",
            "EQuery:Invalid asset pair, INVALID_INPUT, HALT",
            "EQuery:Unknown asset pair, INVALID_INPUT, HALT",
            "EService:Unavailable, VENUE_UNAVAILABLE, BACK_OFF",
            "EService:Busy, VENUE_UNAVAILABLE, BACK_OFF",
            "EService:Deadline elapsed, UNKNOWN_OUTCOME, RESYNC_STATE",
            "EService:Throttled: 1700000000, RATE_LIMIT, BACK_OFF",
            "EService: Throttled: 1700000000, RATE_LIMIT, BACK_OFF",
            "EService:Market in cancel_only mode, VENUE_UNAVAILABLE, PAUSE",
            "EOrder:Something new, INVALID_ORDER, SKIP",
    })
    void mapsKrakenErrorStrings(String error, ErrorCategory category, RecoveryAction action) {
        KrakenErrors.Mapping m = KrakenErrors.classify(Operation.PLACE, 200, error);

        assertThat(m.category()).isEqualTo(category);
        assertThat(m.action()).isEqualTo(action);
    }

    @Test
    void aServerErrorIsAnUnknownOutcomeWhateverTheBodySays() {
        assertThat(KrakenErrors.classify(Operation.PLACE, 502, null).category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
        assertThat(KrakenErrors.classify(Operation.PLACE, 500, "EOrder:Insufficient funds").category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME);
    }

    @Test
    void aThrottledAnswerNamesTheWaitUntilTheTimeItGives() {
        assertThat(KrakenErrors.throttledFor("EService:Throttled: 1700000005", 1_700_000_000_000L)).contains(java.time.Duration.ofSeconds(5));
        assertThat(KrakenErrors.throttledFor("EService: Throttled: 1700000005", 1_700_000_000_000L)).contains(java.time.Duration.ofSeconds(5));
        assertThat(KrakenErrors.throttledFor("EService:Throttled: 1699999990", 1_700_000_000_000L)).contains(java.time.Duration.ZERO);
        assertThat(KrakenErrors.throttledFor("EService:Throttled", 1_700_000_000_000L)).isEmpty();
        assertThat(KrakenErrors.throttledFor("EAPI:Rate limit exceeded", 1_700_000_000_000L)).isEmpty();
    }

    @Test
    void aBare403FromTheEdgeIsARefusalToBackOffFromNotAnAuthFailure() {
        KrakenErrors.Mapping edge = KrakenErrors.classify(Operation.PLACE, 403, null);
        assertThat(edge.category()).isEqualTo(ErrorCategory.VENUE_UNAVAILABLE);
        assertThat(edge.action()).isEqualTo(RecoveryAction.BACK_OFF);
        assertThat(KrakenErrors.classify(Operation.PLACE, 403, "EGeneral:Permission denied").category()).isEqualTo(ErrorCategory.AUTH);
    }

    @Test
    void anUnrecognisedErrorOnAQueryPausesRatherThanSkips() {
        assertThat(KrakenErrors.classify(Operation.QUERY, 200, "EWeird:Thing").category()).isEqualTo(ErrorCategory.INTERNAL);
    }

    @Test
    void theExceptionNamesTheCallTheErrorAndItsMeaning() {
        ExchangeException e = KrakenErrors.toException("POST /0/private/AddOrder (XBTUSD)", Operation.PLACE, 200,
                "EOrder:Insufficient funds", null);

        assertThat(e.getMessage()).contains("AddOrder", "EOrder:Insufficient funds", "not enough free balance");
        assertThat(e.venueCode()).isEqualTo("EOrder:Insufficient funds");
        assertThat(KrakenErrors.isInvalidNonce(KrakenErrors.toException("x", Operation.OTHER, 200, "EAPI:Invalid nonce", null))).isTrue();
    }
}
