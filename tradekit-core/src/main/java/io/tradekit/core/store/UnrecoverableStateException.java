package io.tradekit.core.store;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.TradeKitException;

/**
 * A bot's stored state cannot be trusted or read: the database file is damaged, the journal contradicts
 * itself, or no snapshot agrees with the journal. The message says which file and precisely what is
 * wrong; a bot that gets this refuses to start rather than trade on a state it cannot explain.
 */
public class UnrecoverableStateException extends TradeKitException {

    /**
     * Creates the exception; its category is {@code INTERNAL}.
     *
     * @param message which file and precisely what is wrong with it
     */
    public UnrecoverableStateException(String message) {
        super(ErrorCategory.INTERNAL, message);
    }

    /**
     * Creates the exception with the failure that revealed the problem; its category is {@code INTERNAL}.
     *
     * @param message which file and precisely what is wrong with it
     * @param cause   the underlying failure (e.g. the SQLite error), kept for the stack trace
     */
    public UnrecoverableStateException(String message, Throwable cause) {
        super(ErrorCategory.INTERNAL, message, cause);
    }

    /**
     * A person must look at the file before the bot trades again; retrying cannot help.
     *
     * @return always {@link RecoveryAction#HALT}
     */
    @Override
    public RecoveryAction recoveryAction() {
        return RecoveryAction.HALT;
    }
}
