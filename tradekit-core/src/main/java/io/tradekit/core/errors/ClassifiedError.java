package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.RecoveryAction;

import java.util.Objects;

/**
 * A failure as the engine acts on it: what kind it is, what to do about it, and a one-line description
 * of the throwable that decided the category (its type and message).
 */
public record ClassifiedError(ErrorCategory category, RecoveryAction action, String description) {
    public ClassifiedError {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        description = description == null ? "" : description;
    }
}
