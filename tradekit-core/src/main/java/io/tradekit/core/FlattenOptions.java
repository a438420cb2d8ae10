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
 *
 * @param cancelOpenOrders whether open orders are cancelled before positions are closed
 * @param cancelWait how long to wait for the venue to confirm the cancels; positive
 * @param maxAttempts how many refusals of a closing order are tolerated; 1 or more
 * @param backoff the delay before a refused closing order is sent again; never null
 * @param chaseFraction how far through the last price a closing limit order is placed, as a fraction in (0, 0.5):
 *        0.005 is 0.5 %
 * @param repriceInterval how often an unfilled closing limit order is re-priced (besides on every bar); positive
 * @param giveUpAfter how long, on the bot's clock, the flatten tries before it gives up; positive
 * @param waitTimeout how long {@link TradingBot#flatten} waits for the result; positive
 */
public record FlattenOptions(boolean cancelOpenOrders, Duration cancelWait, int maxAttempts, Backoff backoff,
                             BigDecimal chaseFraction, Duration repriceInterval, Duration giveUpAfter, Duration waitTimeout) {

    /**
     * Checks the options.
     *
     * @throws InvalidInputException if a duration is not positive, {@code maxAttempts} is below 1 or
     *         {@code chaseFraction} is outside (0, 0.5)
     * @throws NullPointerException if {@code backoff} is null
     */
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

    /**
     * Cancel first (10 s wait), 5 attempts with standard backoff, chase 0.5 % re-priced every 5 s, give up after 2 min, wait 30 s.
     *
     * @return the defaults described above
     */
    public static FlattenOptions defaults() {
        return new FlattenOptions(true, Duration.ofSeconds(10), 5, Backoff.standard(), new BigDecimal("0.005"),
                Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    /**
     * A copy that does or does not cancel open orders first (an emergency stop cancels regardless).
     *
     * @param cancel whether to cancel open orders before closing positions
     * @return the new options
     */
    public FlattenOptions withCancelOpenOrders(boolean cancel) {
        return new FlattenOptions(cancel, cancelWait, maxAttempts, backoff, chaseFraction, repriceInterval, giveUpAfter, waitTimeout);
    }

    /**
     * A copy with another limit on refused closing orders.
     *
     * @param attempts how many refusals are tolerated; 1 or more
     * @return the new options
     * @throws InvalidInputException if {@code attempts} is below 1
     */
    public FlattenOptions withMaxAttempts(int attempts) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, attempts, backoff, chaseFraction, repriceInterval, giveUpAfter, waitTimeout);
    }

    /**
     * A copy with another delay between attempts.
     *
     * @param newBackoff the delay policy; never null
     * @return the new options
     */
    public FlattenOptions withBackoff(Backoff newBackoff) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, newBackoff, chaseFraction, repriceInterval, giveUpAfter, waitTimeout);
    }

    /**
     * A copy with another chase for venues without market orders.
     *
     * @param fraction how far through the last price to place a closing limit order, in (0, 0.5): 0.005 is 0.5 %
     * @param interval how often to re-price it; positive
     * @return the new options
     * @throws InvalidInputException if {@code fraction} is outside (0, 0.5) or {@code interval} is not positive
     */
    public FlattenOptions withChase(BigDecimal fraction, Duration interval) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, backoff, fraction, interval, giveUpAfter, waitTimeout);
    }

    /**
     * A copy that gives up after another time.
     *
     * @param duration how long, on the bot's clock, to keep trying; positive
     * @return the new options
     */
    public FlattenOptions withGiveUpAfter(Duration duration) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, backoff, chaseFraction, repriceInterval, duration, waitTimeout);
    }

    /**
     * A copy with another wait for {@link TradingBot#flatten}.
     *
     * @param timeout how long the caller waits for the result; positive
     * @return the new options
     */
    public FlattenOptions withWaitTimeout(Duration timeout) {
        return new FlattenOptions(cancelOpenOrders, cancelWait, maxAttempts, backoff, chaseFraction, repriceInterval, giveUpAfter, timeout);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new InvalidInputException("flatten: " + what + " must be a positive duration, got " + d);
    }
}
