package io.tradekit.advisor;

/** A notification that could not be delivered; the message names the notifier and why, never a secret. */
public class NotificationException extends Exception {
    /** A failure described by {@code message}. */
    public NotificationException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause} (which must carry no secret either). */
    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
