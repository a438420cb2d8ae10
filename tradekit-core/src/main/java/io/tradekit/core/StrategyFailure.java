package io.tradekit.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A strategy that threw: which strategy, in which callback, at which bar (the close time of the last bar
 * the bot had seen), and what it threw. The bot pauses on it (or stops, if so configured); a run that
 * ended while it was in force reports it, and the command line exits non-zero.
 */
public record StrategyFailure(String strategy, String callback, Optional<Instant> barTime, String error) {

    /** One line for logs, summaries and reports. */
    public String describe() {
        return "strategy " + strategy + " failed in " + callback + barTime.map(t -> " at the bar closing " + t).orElse("") + ": " + error;
    }
}
