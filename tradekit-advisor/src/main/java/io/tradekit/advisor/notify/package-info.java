/**
 * Notifications of what bots do, delivered off the bots' loops.
 *
 * <p>{@link io.tradekit.advisor.notify.BotNotifications} turns a bot's events and approval steps into
 * {@link io.tradekit.advisor.Notification}s; {@link io.tradekit.advisor.notify.NotificationDispatcher} filters them by
 * {@link io.tradekit.advisor.notify.NotificationRoutes} and hands them to each notifier on its own thread with a
 * bounded queue; {@link io.tradekit.advisor.notify.Heartbeat} adds a periodic report of a bot's figures.
 * The notifiers: {@link io.tradekit.advisor.notify.WebhookNotifier} (signed JSON, see
 * {@link io.tradekit.advisor.notify.WebhookSignature} for what a receiver checks) and
 * {@link io.tradekit.advisor.notify.TelegramNotifier}, also found by name ({@code webhook}, {@code telegram})
 * through their {@link io.tradekit.advisor.NotifierProvider}s; {@link io.tradekit.advisor.notify.JournaledNotifier}
 * wraps one to record each delivery in the bot's audit log.
 *
 * <pre>{@code NotificationDispatcher dispatcher = new NotificationDispatcher(
 *         List.of(AdvisorPlugins.discover().notifier("webhook", settings)), NotificationRoutes.all(Severity.WARNING), 1000);
 * BotNotifications.attach(bot, dispatcher);}</pre>
 *
 * <p>Secrets (tokens, signing keys) come from environment variables named in the settings and never appear in
 * a log line or an exception.
 */
package io.tradekit.advisor.notify;
