package io.tradekit.core;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.util.Objects;

/**
 * How a bot handles proposed parameter changes ({@link BotBuilder#approvals}): what it does when a proposal expires
 * unanswered, and how often (wall time) it looks for expired proposals and approved ones to apply.
 *
 * <pre>{@code ApprovalSettings.defaults().onExpiry(ExpiryPolicy.PAUSE)}</pre>
 *
 * @param onExpiry what the bot does when one of its proposals expires unanswered; never null
 * @param checkEvery how often, in wall time, the bot looks for expired proposals and approved ones to apply; at least a millisecond
 */
public record ApprovalSettings(ExpiryPolicy onExpiry, Duration checkEvery) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException if {@code onExpiry} is null
     * @throws InvalidInputException if {@code checkEvery} is null, negative or shorter than a millisecond
     */
    public ApprovalSettings {
        Objects.requireNonNull(onExpiry, "onExpiry");
        if (checkEvery == null || checkEvery.isNegative() || checkEvery.toMillis() < 1) {
            throw new InvalidInputException("approvals: checkEvery must be at least a millisecond, got " + checkEvery);
        }
    }

    /**
     * Expiry does nothing but journal; checks every second.
     *
     * @return {@link ExpiryPolicy#NOTHING} on expiry and a check every second
     */
    public static ApprovalSettings defaults() {
        return new ApprovalSettings(ExpiryPolicy.NOTHING, Duration.ofSeconds(1));
    }

    /**
     * These settings with {@code policy} on expiry.
     *
     * @param policy what to do when a proposal expires unanswered; never null
     * @return a copy of these settings with the new expiry policy
     */
    public ApprovalSettings onExpiry(ExpiryPolicy policy) {
        return new ApprovalSettings(policy, checkEvery);
    }

    /**
     * These settings checking every {@code every} of wall time.
     *
     * @param every how often to check, at least a millisecond
     * @return a copy of these settings with the new check interval
     * @throws InvalidInputException if {@code every} is null, negative or shorter than a millisecond
     */
    public ApprovalSettings checkEvery(Duration every) {
        return new ApprovalSettings(onExpiry, every);
    }
}
