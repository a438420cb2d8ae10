package io.tradekit.binance.internal;

/** A venue message that does not have the shape Binance documents; the message names what is missing. */
public final class MalformedMessage extends RuntimeException {
    public MalformedMessage(String message) {
        super(message);
    }

    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
