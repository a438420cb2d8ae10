package io.tradekit.bybit;

import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every event an adapter posts, in order, and lets a test wait (bounded) for one. */
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

    <T extends Event> List<T> all(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Event> List<T> all(Class<T> type, Predicate<T> filter) {
        return all(type).stream().filter(filter).toList();
    }

    /** Waits up to 10 s for an event of {@code type} matching {@code filter}; fails the test otherwise. */
    <T extends Event> T await(Class<T> type, Predicate<T> filter) {
        return await(type, filter, Duration.ofSeconds(10));
    }

    synchronized <T extends Event> T await(Class<T> type, Predicate<T> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event e : events) {
                if (type.isInstance(e) && filter.test(type.cast(e))) return type.cast(e);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " matching within " + timeout + "; events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Waits up to 10 s until at least {@code count} events of {@code type} match. */
    synchronized <T extends Event> List<T> awaitCount(Class<T> type, Predicate<T> filter, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<T> matching = new ArrayList<>();
            for (Event e : events) {
                if (type.isInstance(e) && filter.test(type.cast(e))) matching.add(type.cast(e));
            }
            if (matching.size() >= count) return matching;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + matching.size() + " of " + count + " " + type.getSimpleName() + " in 10 s; events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    synchronized int indexOf(Event event) {
        return events.indexOf(event);
    }
}
