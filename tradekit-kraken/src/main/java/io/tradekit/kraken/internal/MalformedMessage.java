package io.tradekit.kraken.internal;

/** A Kraken message that does not have the documented shape; the message names what is wrong. */
public final class MalformedMessage extends RuntimeException {
    public MalformedMessage(String message) {
        super(message);
    }

    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
