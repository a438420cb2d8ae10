package io.tradekit.api;

import java.util.Objects;

/** The root of tradekit's unchecked exceptions; every one carries an {@link ErrorCategory}. */
public class TradeKitException extends RuntimeException {
    private final ErrorCategory category;

    public TradeKitException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    public TradeKitException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    public ErrorCategory category() {
        return category;
    }

    /** The recovery this failure calls for; subclasses may refine the category's default. */
    public RecoveryAction recoveryAction() {
        return category.defaultAction();
    }
}
