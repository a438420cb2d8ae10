package io.tradekit.api.event;

/** Where an adapter posts what it receives. Safe to call from any thread; never blocks for long. */
@FunctionalInterface
public interface EventSink {
    /**
     * Hands one event to the bot's loop.
     *
     * @param event what the adapter received or noticed
     */
    void post(Event event);
}
