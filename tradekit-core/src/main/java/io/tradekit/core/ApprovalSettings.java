package io.tradekit.core;

import io.tradekit.api.InvalidInputException;

import java.time.Duration;
import java.util.Objects;

/**
 * How a bot handles proposed parameter changes ({@link BotBuilder#approvals}): what it does when a proposal expires
 * unanswered, and how often (wall time) it looks for expired proposals and approved ones to apply.
 *
 * <pre>{@code ApprovalSettings.defaults().onExpiry(ExpiryPolicy.PAUSE)}</pre>
 */
public record ApprovalSettings(ExpiryPolicy onExpiry, Duration checkEvery) {

    public ApprovalSettings {
        Objects.requireNonNull(onExpiry, "onExpiry");
        if (checkEvery == null || checkEvery.isNegative() || checkEvery.toMillis() < 1) {
            throw new InvalidInputException("approvals: checkEvery must be at least a millisecond, got " + checkEvery);
        }
    }

    /** Expiry does nothing but journal; checks every second. */
    public static ApprovalSettings defaults() {
        return new ApprovalSettings(ExpiryPolicy.NOTHING, Duration.ofSeconds(1));
    }

    /** These settings with {@code policy} on expiry. */
    public ApprovalSettings onExpiry(ExpiryPolicy policy) {
        return new ApprovalSettings(policy, checkEvery);
    }

    /** These settings checking every {@code every} of wall time. */
    public ApprovalSettings checkEvery(Duration every) {
        return new ApprovalSettings(onExpiry, every);
    }
}
