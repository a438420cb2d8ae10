package io.tradekit.examples.cli;

import io.tradekit.api.Position;
import io.tradekit.core.TradingBot;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The status line a long paper, live or dry-run session prints now and then, so that a person (or a log) can tell
 * a quiet bot from a stuck one: its state, the last bar it acted on, its position, equity and open orders.
 */
final class Heartbeat {

    static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);

    private final Supplier<TradingBot> bot;
    private final long everyNanos;
    private final PrintStream out;
    private long lastNanos = Long.MIN_VALUE;

    /** {@code every} zero turns the line off. */
    Heartbeat(Supplier<TradingBot> bot, Duration every, PrintStream out) {
        this.bot = bot;
        this.everyNanos = every.toNanos();
        this.out = out;
    }

    /** Prints the line when {@code every} has passed since the last one (the first after one interval). */
    void tick(long nowNanos) {
        if (everyNanos <= 0) return;
        if (lastNanos == Long.MIN_VALUE) {
            lastNanos = nowNanos;
            return;
        }
        if (nowNanos - lastNanos < everyNanos) return;
        lastNanos = nowNanos;
        out.println(line(bot.get(), Instant.now()));
    }

    static String line(TradingBot bot, Instant now) {
        Position position = bot.position();
        return "heartbeat   " + now + "  state " + bot.state()
                + ", last bar closed " + bot.lastBarTime().map(Instant::toString).orElse("none yet")
                + ", position " + position.quantity().toPlainString()
                + ", equity " + bot.equity().toPlainString()
                + ", open orders " + bot.openOrders().size();
    }
}
