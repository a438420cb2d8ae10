package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestBudgetTest {

    // 10:00:30.000 on some day: half way through a one-minute window
    private final FakeClock clock = new FakeClock(1_700_000_010_000L + 20_000);
    private final RequestBudget budget = new RequestBudget("binance", "weight-1m", 100, Duration.ofMinutes(1),
            Duration.ofSeconds(45), clock, clock);

    @Test
    void takesWeightWithoutWaitingWhileTheWindowHasRoom() {
        budget.acquire(60);
        budget.acquire(40);
        assertThat(budget.used()).isEqualTo(100);
        assertThat(clock.waits).isEmpty();
    }

    @Test
    void waitsForTheNextMinuteWhenTheBudgetIsSpent() {
        budget.acquire(90);
        long msToNextMinute = 60_000 - Math.floorMod(clock.millis(), 60_000);
        budget.acquire(20);
        assertThat(clock.waits).containsExactly(Duration.ofMillis(msToNextMinute));
        assertThat(budget.used()).isEqualTo(20);
    }

    @Test
    void theVenuesReportedCountTakesPrecedenceWhenHigher() {
        budget.acquire(5);
        budget.observeUsed(95);
        assertThat(budget.used()).isEqualTo(95);
        budget.observeUsed(10);
        assertThat(budget.used()).isEqualTo(95);
    }

    @Test
    void aRetryAfterPauseHoldsEveryCallerUntilItEnds() {
        budget.pauseFor(Duration.ofSeconds(3));
        assertThat(budget.pausedUntil()).isPresent();
        budget.acquire(1);
        assertThat(clock.waits).containsExactly(Duration.ofSeconds(3));
        assertThat(budget.pausedUntil()).isEmpty();
    }

    @Test
    void refusesWithRateLimitWhenTheWaitWouldExceedTheMaximum() {
        budget.pauseFor(Duration.ofMinutes(5));
        ExchangeException e = catchThrowableOfType(ExchangeException.class, () -> budget.acquire(1));
        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(clock.waits).isEmpty();
    }
}
