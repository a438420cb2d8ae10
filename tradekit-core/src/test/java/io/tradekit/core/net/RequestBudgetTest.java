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

    @Test
    void tryAcquireTakesOnlyWhatNeedsNoWaitAndGiveBackReturnsItWithinTheSameWindow() {
        assertThat(budget.tryAcquire(60)).isTrue();
        long window = budget.window();
        assertThat(budget.tryAcquire(50)).isFalse(); // 110 of 100: acquire would wait for the next minute
        assertThat(budget.used()).isEqualTo(60);
        assertThat(budget.tryAcquire(40)).isTrue();
        budget.giveBack(40, window);
        assertThat(budget.used()).isEqualTo(60);
        budget.pauseFor(Duration.ofSeconds(3));
        assertThat(budget.tryAcquire(1)).isFalse(); // a pause is a wait too
        assertThat(clock.waits).isEmpty();
    }

    @Test
    void weightGivenBackAfterTheWindowRolledIsNotTakenFromTheNewWindow() {
        assertThat(budget.tryAcquire(30)).isTrue();
        long window = budget.window();
        clock.advance(Duration.ofMinutes(1));
        assertThat(budget.tryAcquire(5)).isTrue();
        budget.giveBack(30, window);
        assertThat(budget.used()).isEqualTo(5);
    }
}
