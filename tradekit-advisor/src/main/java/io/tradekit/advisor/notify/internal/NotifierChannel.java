package io.tradekit.advisor.notify.internal;

import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One notifier's bounded queue and the thread that empties it: {@link #offer} never blocks (a full queue drops
 * the notification, counted and logged), so a slow or failing notifier holds up only its own queue.
 */
public final class NotifierChannel {

    private static final Logger log = LoggerFactory.getLogger(NotifierChannel.class);

    private final Notifier notifier;
    private final BlockingQueue<Notification> queue;
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    public NotifierChannel(Notifier notifier, int capacity) {
        this.notifier = notifier;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform().daemon().name("notifier-" + notifier.name()).start(this::run);
    }

    /** Queues {@code n}; false (and counted as a drop) when the queue is full or closed. */
    public boolean offer(Notification n) {
        if (!closing && queue.offer(n)) return true;
        long drops = dropped.incrementAndGet();
        // the first drop and every hundredth: a hung notifier must not flood the log either
        if (drops == 1 || drops % 100 == 0) log.warn("notifier {}: queue full or closed, dropped {} {} of bot {} ({} dropped so far)", notifier.name(), n.kind(), n.severity(),
                n.botId(), drops);
        return false;
    }

    public String name() {
        return notifier.name();
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Stops taking notifications, delivers what is queued for up to {@code grace}, then stops the worker. */
    public void close(Duration grace) {
        closing = true;
        try {
            worker.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
        int left = queue.size();
        if (left > 0) log.warn("notifier {}: closed with {} notifications undelivered", notifier.name(), left);
    }

    private void run() {
        while (!(closing && queue.isEmpty())) {
            Notification n;
            try {
                n = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (n == null) continue;
            try {
                notifier.send(n);
                delivered.incrementAndGet();
            } catch (NotificationException e) {
                failed.incrementAndGet();
                log.warn("notifier {}: {} of bot {} failed: {}", notifier.name(), n.kind(), n.botId(), e.getMessage());
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                log.warn("notifier {}: {} of bot {} failed on {}", notifier.name(), n.kind(), n.botId(), e.getClass().getSimpleName());
            }
        }
    }
}
