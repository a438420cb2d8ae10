package io.tradekit.examples.cli;

/** A command line that cannot be understood: an unknown command or flag, a missing or malformed value. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
