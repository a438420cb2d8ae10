package io.tradekit.core.store;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;

/** A step on a proposal that its state does not allow (approving an expired one), or a proposal that does not exist. */
public final class ApprovalException extends TradeKitException {

    private final boolean notFound;

    /** @param notFound whether the proposal does not exist (rather than being in the wrong state) */
    public ApprovalException(String message, boolean notFound) {
        super(ErrorCategory.INVALID_INPUT, message);
        this.notFound = notFound;
    }

    /** Whether there is no proposal with the id asked for (rather than one in the wrong state). */
    public boolean notFound() {
        return notFound;
    }
}
