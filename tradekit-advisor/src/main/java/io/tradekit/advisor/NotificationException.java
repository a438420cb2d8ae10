package io.tradekit.advisor;

/** A notification that could not be delivered; the message names the notifier and why, never a secret. */
public class NotificationException extends Exception {
    /**
     * A failure described by {@code message}.
     *
     * @param message names the notifier and why it failed, never a secret
     */
    public NotificationException(String message) {
        super(message);
    }

    /**
     * A failure described by {@code message}, caused by {@code cause} (which must carry no secret either).
     *
     * @param message names the notifier and why it failed, never a secret
     * @param cause   the underlying failure
     */
    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
