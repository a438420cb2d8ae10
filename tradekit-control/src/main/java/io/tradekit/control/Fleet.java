package io.tradekit.control;

import io.tradekit.core.TradingBot;

import java.util.List;
import java.util.Optional;

/**
 * The bots one control plane supervises, in one JVM: each keeps its own loop, journal and budget, and one
 * bot failing to start, or failing while it runs, never stops another.
 */
public interface Fleet {

    /** Every bot, in the order added. */
    List<FleetEntry> list();

    Optional<FleetEntry> entry(String id);

    /** The running bot with this id, if it runs. */
    Optional<TradingBot> bot(String id);

    /** Launches and starts the bot; returns once it runs or has FAILED (its entry says why). Unknown id: an error. */
    FleetEntry start(String id);

    /** Stops the bot if it runs; returns once it is STOPPED. */
    FleetEntry stop(String id);

    /** Starts every bot that is not running, side by side; returns once each runs or has failed. */
    List<FleetEntry> startAll();

    /** Stops every running bot, side by side. */
    void stopAll();
}
