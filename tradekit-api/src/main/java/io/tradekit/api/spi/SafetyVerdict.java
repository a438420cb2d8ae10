package io.tradekit.api.spi;

import io.tradekit.api.SafetyAction;

import java.util.Objects;

/** What one policy asks of the bot after a fill or on the safety timer, and why. */
public record SafetyVerdict(SafetyAction action, String policy, String reason) {
    public SafetyVerdict {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(policy, "policy");
        reason = reason == null ? "" : reason;
    }

    public static SafetyVerdict ok(String policy) {
        return new SafetyVerdict(SafetyAction.CONTINUE, policy, "");
    }
}
