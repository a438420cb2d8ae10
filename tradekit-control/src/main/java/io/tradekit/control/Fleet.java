package io.tradekit.control;

import io.tradekit.core.TradingBot;

import java.util.List;
import java.util.Optional;

/**
 * The bots one control plane supervises, in one JVM: each keeps its own loop, journal and budget, and one
 * bot failing to start, or failing while it runs, never stops another.
 */
public interface Fleet {

    /**
     * Every bot, in the order added.
     *
     * @return a snapshot of every bot's entry
     */
    List<FleetEntry> list();

    /**
     * The entry of one bot.
     *
     * @param id the bot's id
     * @return its entry; empty when the fleet has no such bot
     */
    Optional<FleetEntry> entry(String id);

    /**
     * The running bot with this id, if it runs.
     *
     * @param id the bot's id
     * @return its handle while it is {@link BotStatus#RUNNING}; empty otherwise or for an unknown id
     */
    Optional<TradingBot> bot(String id);

    /**
     * Launches and starts the bot; returns once it runs or has FAILED (its entry says why). A bot already
     * running is left as it is.
     *
     * @param id the bot's id
     * @return its entry after the start
     * @throws java.util.NoSuchElementException when the fleet has no such bot
     */
    FleetEntry start(String id);

    /**
     * Stops the bot if it runs; returns once it is STOPPED. A bot that does not run is left as it is.
     *
     * @param id the bot's id
     * @return its entry after the stop
     * @throws java.util.NoSuchElementException when the fleet has no such bot
     */
    FleetEntry stop(String id);

    /**
     * Starts every bot that is not running, side by side; returns once each runs or has failed.
     *
     * @return every bot's entry afterwards, in the order added
     */
    List<FleetEntry> startAll();

    /** Stops every running bot, side by side. */
    void stopAll();
}
