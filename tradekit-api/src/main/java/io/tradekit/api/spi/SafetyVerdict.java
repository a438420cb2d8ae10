package io.tradekit.api.spi;

import io.tradekit.api.SafetyAction;

import java.util.Objects;

/**
 * What one policy asks of the bot after a fill or on the safety timer, and why.
 *
 * @param action what it asks
 * @param policy the policy's name
 * @param reason why, with the figures (null is empty)
 */
public record SafetyVerdict(SafetyAction action, String policy, String reason) {
    /** Checks that action and policy are given. */
    public SafetyVerdict {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(policy, "policy");
        reason = reason == null ? "" : reason;
    }

    /**
     * Nothing to do.
     *
     * @param policy the policy's name
     * @return a CONTINUE verdict without a reason
     */
    public static SafetyVerdict ok(String policy) {
        return new SafetyVerdict(SafetyAction.CONTINUE, policy, "");
    }
}
