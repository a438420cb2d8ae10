package io.tradekit.advisor;

/** A notification that could not be delivered; the message names the notifier and why, never a secret. */
public class NotificationException extends Exception {
    public NotificationException(String message) {
        super(message);
    }

    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
