package io.tradekit.advisor.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.Notifier;
import io.tradekit.core.TradingBot;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A notifier that writes every notification it handles into its bot's audit log: a line of type
 * {@code notification} with the notifier's name as actor, the kind and text as reason, and the figures as inputs
 * when it was delivered, or a line of type {@code notification-failed} with the reason when it was not (the
 * failure is then thrown on, so the dispatcher counts it). Wraps the notifier that delivers.
 *
 * <p>The bot is looked up by the notification's bot id each time ({@code bots}), so a bot that restarts is found
 * again; a notification of a bot that is not running (stopped, or between a stop and its restart) is delivered
 * but not journaled, since its journal is closed.
 */
public final class JournaledNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Notifier delivery;
    private final Function<String, Optional<TradingBot>> bots;

    /**
     * Wraps {@code delivery}.
     *
     * @param delivery the notifier that delivers
     * @param bots     finds a running bot by id, or empty when none runs under that id
     * @throws NullPointerException if an argument is null
     */
    public JournaledNotifier(Notifier delivery, Function<String, Optional<TradingBot>> bots) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.bots = Objects.requireNonNull(bots, "bots");
    }

    @Override
    public String name() {
        return delivery.name();
    }

    @Override
    public void send(Notification notification) throws NotificationException {
        try {
            delivery.send(notification);
        } catch (NotificationException e) {
            journal(notification, "notification-failed", notification.kind() + " not delivered: " + e.getMessage());
            throw e;
        }
        journal(notification, "notification", notification.kind() + ": " + notification.text());
    }

    private void journal(Notification n, String type, String reason) {
        bots.apply(n.botId()).ifPresent(bot -> {
            try {
                bot.journal(type, delivery.name(), reason, JSON.valueToTree(n.figures()).toString());
            } catch (IllegalStateException notRunning) {
                // the bot stopped (or is restarting) since it was looked up: its journal is closed
            }
        });
    }
}
