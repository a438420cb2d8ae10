package io.tradekit.core.net;

/** A venue message that does not have the shape the venue documents; the message names what is wrong and where. */
public final class MalformedMessage extends RuntimeException {
    /**
     * A malformed message.
     *
     * @param message what is wrong, naming the field
     */
    public MalformedMessage(String message) {
        super(message);
    }

    /**
     * A malformed message found by a reader that failed.
     *
     * @param message what is wrong
     * @param cause the reader's failure
     */
    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
