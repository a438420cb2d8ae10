package io.tradekit.api.event;

/** Where an adapter posts what it receives. Safe to call from any thread; never blocks for long. */
@FunctionalInterface
public interface EventSink {
    void post(Event event);
}
