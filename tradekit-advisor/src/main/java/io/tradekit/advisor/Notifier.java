package io.tradekit.advisor;

/**
 * Delivers {@link Notification}s somewhere (a webhook, a chat). Made by a {@link NotifierProvider} found through
 * {@link java.util.ServiceLoader}. {@link #send} may block up to its own deadline; it is called on a dispatcher's
 * thread, never on a bot's loop, so a slow or failing notifier never holds a bot up.
 */
public interface Notifier {

    /**
     * The name logs and counters use, e.g. {@code webhook}.
     *
     * @return the notifier's name
     */
    String name();

    /**
     * Delivers one notification, retrying as the channel allows, within the notifier's deadline.
     *
     * @param notification what to deliver
     * @throws NotificationException when it could not be delivered (the message never contains a secret)
     */
    void send(Notification notification) throws NotificationException;
}
