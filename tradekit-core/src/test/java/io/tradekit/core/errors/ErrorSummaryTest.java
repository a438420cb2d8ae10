package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorSummaryTest {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    @Test
    void countsEachCategoryWithinTheWindowAndForgetsWhatSlidOut() {
        ErrorSummary errors = new ErrorSummary(Duration.ofMinutes(1));
        errors.record(T0, ErrorCategory.NETWORK);
        errors.record(T0.plusSeconds(30), ErrorCategory.NETWORK);
        errors.record(T0.plusSeconds(45), ErrorCategory.TIMEOUT);
        errors.record(T0.plusSeconds(59), ErrorCategory.RATE_LIMIT);

        assertThat(errors.counts(T0.plusSeconds(59))).isEqualTo(Map.of(ErrorCategory.NETWORK, 2, ErrorCategory.TIMEOUT, 1,
                ErrorCategory.RATE_LIMIT, 1));
        assertThat(errors.total(T0.plusSeconds(59))).isEqualTo(4);
        // a minute after the first error it is out: the window is (now - 1 min, now]
        assertThat(errors.counts(T0.plusSeconds(60))).isEqualTo(Map.of(ErrorCategory.NETWORK, 1, ErrorCategory.TIMEOUT, 1,
                ErrorCategory.RATE_LIMIT, 1));
        assertThat(errors.total(T0.plusSeconds(105))).isEqualTo(1);
        assertThat(errors.counts(T0.plusSeconds(200))).isEmpty();
        assertThat(errors.totalEver()).isEqualTo(4);
    }

    @Test
    void categoriesComeInTheirDeclaredOrder() {
        ErrorSummary errors = new ErrorSummary(Duration.ofMinutes(5));
        errors.record(T0, ErrorCategory.INTERNAL);
        errors.record(T0, ErrorCategory.NETWORK);
        errors.record(T0, ErrorCategory.AUTH);
        assertThat(errors.counts(T0).keySet()).containsExactly(ErrorCategory.NETWORK, ErrorCategory.AUTH, ErrorCategory.INTERNAL);
    }

    @Test
    void anErrorStormIsCountedUpToTheMemoryBound() {
        ErrorSummary errors = new ErrorSummary(Duration.ofHours(1));
        for (int i = 0; i < ErrorSummary.MAX_REMEMBERED + 10; i++) errors.record(T0, ErrorCategory.NETWORK);
        assertThat(errors.total(T0)).isEqualTo(ErrorSummary.MAX_REMEMBERED);
        assertThat(errors.totalEver()).isEqualTo(ErrorSummary.MAX_REMEMBERED + 10);
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new ErrorSummary(Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("window must be positive");
    }
}
