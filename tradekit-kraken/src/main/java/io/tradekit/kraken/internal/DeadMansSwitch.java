package io.tradekit.kraken.internal;

import io.tradekit.core.net.StreamEvents;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Kraken's {@code CancelAllOrdersAfter} kept armed while the adapter runs: every quarter of the timeout
 * the countdown is set again, so that if this process dies or loses the network, Kraken cancels every
 * open order of the key once the timeout runs out. A failed re-arm is reported as an error event (the
 * next one may still succeed before the countdown ends). Closing disarms it (timeout 0): a bot that
 * stops on purpose leaves its orders as they are.
 */
public final class DeadMansSwitch implements AutoCloseable {

    public static final String SOURCE = "kraken:dead-mans-switch";

    private final Duration timeout;
    private final LongConsumer arm;
    private final StreamEvents poster;
    private final ScheduledExecutorService timer;
    private final AtomicLong armed = new AtomicLong();

    /** @param arm sends {@code CancelAllOrdersAfter} with the given timeout in seconds */
    public DeadMansSwitch(Duration timeout, LongConsumer arm, StreamEvents poster) {
        this.timeout = timeout;
        this.arm = arm;
        this.poster = poster;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kraken-dead-mans-switch");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long period = Math.max(1_000, timeout.toMillis() / 4);
        timer.scheduleAtFixedRate(this::rearm, 0, period, TimeUnit.MILLISECONDS);
    }

    private void rearm() {
        try {
            arm.accept(timeout.toSeconds());
            armed.incrementAndGet();
        } catch (RuntimeException e) {
            poster.error(SOURCE, e instanceof TradeKitException t ? t.category() : ErrorCategory.INTERNAL,
                    "could not re-arm CancelAllOrdersAfter(" + timeout.toSeconds() + " s): " + e.getMessage(), "");
        }
    }

    /** How many times it has been armed. */
    public long armedCount() {
        return armed.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            arm.accept(0);
        } catch (RuntimeException e) {
            poster.error(SOURCE, e instanceof TradeKitException t ? t.category() : ErrorCategory.INTERNAL,
                    "could not disarm CancelAllOrdersAfter: " + e.getMessage(), "");
        }
    }
}
