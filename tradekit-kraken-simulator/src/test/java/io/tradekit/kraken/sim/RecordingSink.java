package io.tradekit.kraken.sim;

import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every event an adapter posts, in order, and lets a test wait (bounded) for them. */
final class RecordingSink implements EventSink {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void post(Event event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    <T extends Event> List<T> all(Class<T> type, Predicate<T> filter) {
        return events().stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    /** Waits up to 15 s until at least {@code count} events of {@code type} match. */
    synchronized <T extends Event> List<T> awaitCount(Class<T> type, Predicate<T> filter, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<T> matching = new ArrayList<>();
            for (Event e : events) {
                if (type.isInstance(e) && filter.test(type.cast(e))) matching.add(type.cast(e));
            }
            if (matching.size() >= count) return matching;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + matching.size() + " of " + count + " " + type.getSimpleName() + " in 15 s; events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    <T extends Event> T await(Class<T> type, Predicate<T> filter) {
        return awaitCount(type, filter, 1).getFirst();
    }
}
