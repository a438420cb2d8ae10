package io.tradekit.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A strategy that threw: which strategy, in which callback, at which bar (the close time of the last bar
 * the bot had seen), and what it threw. The bot pauses on it (or stops, if so configured); a run that
 * ended while it was in force reports it, and the command line exits non-zero.
 *
 * @param strategy the strategy's name
 * @param callback the strategy callback that threw (e.g. {@code onBar})
 * @param barTime  the close time of the last bar the bot had seen; empty if it had seen none
 * @param error    what it threw, as the throwable's {@code toString()} (class and message)
 */
public record StrategyFailure(String strategy, String callback, Optional<Instant> barTime, String error) {

    /**
     * One line for logs, summaries and reports.
     *
     * @return e.g. {@code strategy sma-cross failed in onBar at the bar closing 2024-01-01T00:00:00Z: java.lang.ArithmeticException}
     */
    public String describe() {
        return "strategy " + strategy + " failed in " + callback + barTime.map(t -> " at the bar closing " + t).orElse("") + ": " + error;
    }
}
