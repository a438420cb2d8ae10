package io.tradekit.api;

import java.util.Objects;

/** The root of tradekit's unchecked exceptions; every one carries an {@link ErrorCategory}. */
public class TradeKitException extends RuntimeException {
    /** What kind of failure this is. */
    private final ErrorCategory category;

    /**
     * A failure of some category.
     *
     * @param category what kind of failure it is
     * @param message  what happened and where
     */
    public TradeKitException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    /**
     * A failure of some category, with its cause.
     *
     * @param category what kind of failure it is
     * @param message  what happened and where
     * @param cause    the underlying failure, or null
     */
    public TradeKitException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    /**
     * What kind of failure this is.
     *
     * @return the category
     */
    public ErrorCategory category() {
        return category;
    }

    /**
     * The recovery this failure calls for; subclasses may refine the category's default.
     *
     * @return the action
     */
    public RecoveryAction recoveryAction() {
        return category.defaultAction();
    }
}
