package io.tradekit.core;

import io.tradekit.api.InvalidInputException;
import io.tradekit.core.net.Backoff;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a bot flattens. Open orders are cancelled first when {@code cancelOpenOrders} (an emergency stop
 * always cancels), waiting up to {@code cancelWait} for the venue to confirm. Positions are closed with
 * reduce-only market orders, or, on a venue without market orders, with limit orders
 * {@code chaseFraction} through the last price that are re-priced on every bar and every
 * {@code repriceInterval} until filled. A closing order the venue refuses is sent again after a
 * {@link Backoff} delay, up to {@code maxAttempts} refusals; after {@code giveUpAfter} on the bot's clock
 * the flatten gives up. {@link TradingBot#flatten} waits up to {@code waitTimeout} for the result.
 *
 * <pre>{@code FlattenOptions.defaults().withCancelOpenOrders(false).withMaxAttempts(3)}</pre>
 */
public record FlattenOptions(boolean cancelOpenOrders, Duration cancelWait, int maxAttempts, Backoff backoff,
                             BigDecimal chaseFraction, Duration repriceInterval, Duration giveUpAfter, Duration waitTimeout) {

    public FlattenOptions {
        requirePositive(cancelWait, "cancel wait");
        requirePositive(repriceInterval, "re-price interval");
        requirePositive(giveUpAfter, "give-up time");
        requirePositive(waitTimeout, "wait timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) throw new InvalidInputException("flatten: max attempts must be 1 or more, got " + maxAttempts);
        if (chaseFraction == null || chaseFraction.signum() <= 0 || chaseFraction.compareTo(new BigDecimal("0.5")) >= 0) {
            throw new InvalidInputException("flatten: chase fraction must be in (0, 0.5), got " + chaseFraction + " (0.005 is 0.5 %)");
        }
    }

    /** Cancel first (10 s wait), 5 attempts with standard backoff, chase 0.5 % re-priced every 5 s, give up after 2 min, wait 30 s. */
    public static FlattenOptions defaults() {
        return new FlattenOptions(true, Duration.ofSeconds(10), 5, Backoff.standard(), new BigDecimal("0.005"),
                Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    public FlattenOptions withCancelOpenOrders(boolean cancel) {
        return new FlattenOptions(cancel, cancelWait, maxAttempts, backoff, chaseFraction, repriceInterval, giveUpAfter, waitTimeout);
    }

    public FlattenOptions withMaxAttempts(int attempts) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, attempts, backoff, chaseFraction, repriceInterval, giveUpAfter, waitTimeout);
    }

    public FlattenOptions withBackoff(Backoff newBackoff) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, newBackoff, chaseFraction, repriceInterval, giveUpAfter, waitTimeout);
    }

    public FlattenOptions withChase(BigDecimal fraction, Duration interval) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, backoff, fraction, interval, giveUpAfter, waitTimeout);
    }

    public FlattenOptions withGiveUpAfter(Duration duration) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, backoff, chaseFraction, repriceInterval, duration, waitTimeout);
    }

    public FlattenOptions withWaitTimeout(Duration timeout) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, backoff, chaseFraction, repriceInterval, giveUpAfter, timeout);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new InvalidInputException("flatten: " + what + " must be a positive duration, got " + d);
    }
}
