package io.tradekit.core.errors;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.RecoveryAction;

import java.util.Objects;

/**
 * A failure as the engine acts on it: what kind it is, what to do about it, and a one-line description
 * of the throwable that decided the category (its type and message).
 *
 * @param category what kind of failure it is; never null
 * @param action what the engine does about it; never null
 * @param description the deciding throwable's type and message; empty (never null) when there is none
 */
public record ClassifiedError(ErrorCategory category, RecoveryAction action, String description) {
    /**
     * Checks the components; a null description becomes empty.
     *
     * @throws NullPointerException if {@code category} or {@code action} is null
     */
    public ClassifiedError {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        description = description == null ? "" : description;
    }
}
