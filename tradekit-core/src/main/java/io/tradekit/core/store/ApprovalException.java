package io.tradekit.core.store;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;

/** A step on a proposal that its state does not allow (approving an expired one), or a proposal that does not exist. */
public final class ApprovalException extends TradeKitException {

    /** Whether the proposal does not exist (rather than being in the wrong state); part of the serialized form. */
    private final boolean notFound;

    /**
     * Creates the exception; its {@link ErrorCategory category} is {@code INVALID_INPUT}.
     *
     * @param message  what was asked and why it is refused, naming the proposal
     * @param notFound whether the proposal does not exist (rather than being in the wrong state)
     */
    public ApprovalException(String message, boolean notFound) {
        super(ErrorCategory.INVALID_INPUT, message);
        this.notFound = notFound;
    }

    /**
     * Tells a missing proposal from one in the wrong state.
     *
     * @return true if there is no proposal with the id asked for; false if it exists but its state refuses the step
     */
    public boolean notFound() {
        return notFound;
    }
}
