package io.tradekit.api;

/**
 * Input that tradekit refuses: a bad configuration, parameter, order or data row. The message names
 * what is wrong and where, so that a person can fix it.
 */
public class InvalidInputException extends TradeKitException {
    /**
     * Refused input.
     *
     * @param message what is wrong and where
     */
    public InvalidInputException(String message) {
        super(ErrorCategory.INVALID_INPUT, message);
    }

    /**
     * Refused input, with the failure that showed it.
     *
     * @param message what is wrong and where
     * @param cause   the underlying failure
     */
    public InvalidInputException(String message, Throwable cause) {
        super(ErrorCategory.INVALID_INPUT, message, cause);
    }
}
