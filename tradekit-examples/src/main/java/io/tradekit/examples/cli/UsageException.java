package io.tradekit.examples.cli;

/** A command line that cannot be understood: an unknown command or flag, a missing or malformed value. */
public final class UsageException extends RuntimeException {
    /**
     * A usage error the command line prints as it is, without a stack trace, and exits with {@link TradeKitCli#BAD_INPUT}.
     *
     * @param message what is wrong and, where it helps, what would be right
     */
    public UsageException(String message) {
        super(message);
    }
}
