package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notification;
import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.notify.internal.NotifierChannel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hands each notification its {@link NotificationRoutes} accept to every notifier, asynchronously: each notifier
 * has a bounded queue and a thread of its own, {@link #dispatch} never blocks, and a full queue drops the
 * notification (counted per notifier and logged). A notifier that hangs or fails therefore never holds up the
 * caller, a bot's loop included, nor the other notifiers.
 *
 * <pre>{@code NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(webhook, telegram),
 *         NotificationRoutes.parse("state_change,breaker_trip,flatten,error,proposal_waiting,proposal_expired,heartbeat"), 1000);}</pre>
 */
public final class NotificationDispatcher implements AutoCloseable {

    private final NotificationRoutes routes;
    private final List<NotifierChannel> channels;

    /**
     * Routes to {@code notifiers}, each with a queue of {@code capacity} notifications. Starts one thread per notifier.
     *
     * @param notifiers the notifiers to deliver to
     * @param routes    which notifications are sent at all
     * @param capacity  the most notifications waiting per notifier, 1 or more
     * @throws io.tradekit.api.InvalidInputException if {@code capacity} is below 1
     */
    public NotificationDispatcher(List<Notifier> notifiers, NotificationRoutes routes, int capacity) {
        if (capacity < 1) throw new io.tradekit.api.InvalidInputException("notification queue capacity must be 1 or more, got " + capacity);
        this.routes = routes;
        this.channels = notifiers.stream().map(n -> new NotifierChannel(n, capacity)).toList();
    }

    /**
     * Queues {@code n} for every notifier if the routes accept it; returns at once. Safe from any thread.
     *
     * @param n the notification
     */
    public void dispatch(Notification n) {
        if (!routes.accepts(n)) return;
        for (NotifierChannel c : channels) c.offer(n);
    }

    /**
     * Notifications each notifier delivered, by notifier name.
     *
     * @return counts so far, summed over notifiers that share a name
     */
    public Map<String, Long> delivered() {
        return count(NotifierChannel::delivered);
    }

    /**
     * Notifications each notifier failed to deliver after its retries, by notifier name.
     *
     * @return counts so far, summed over notifiers that share a name
     */
    public Map<String, Long> failed() {
        return count(NotifierChannel::failed);
    }

    /**
     * Notifications dropped because a notifier's queue was full, by notifier name.
     *
     * @return counts so far, summed over notifiers that share a name
     */
    public Map<String, Long> dropped() {
        return count(NotifierChannel::dropped);
    }

    /**
     * Stops taking notifications and gives each notifier up to {@code grace} to deliver what is queued.
     *
     * @param grace how long each notifier may keep delivering
     */
    public void close(Duration grace) {
        channels.forEach(c -> c.close(grace));
    }

    /** {@link #close(Duration)} with five seconds' grace. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private Map<String, Long> count(Function<NotifierChannel, Long> counter) {
        return channels.stream().collect(Collectors.toMap(NotifierChannel::name, counter, Long::sum));
    }
}
