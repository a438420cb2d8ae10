package io.tradekit.conformance;

import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The events an adapter posted, in order, with waits whose failure says what was awaited and what
 * arrived instead. Thread-safe.
 */
public final class EventLog implements EventSink {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void post(Event event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized <T extends Event> List<T> all(Class<T> type, Predicate<? super T> filter) {
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e) && filter.test(type.cast(e))) out.add(type.cast(e));
        }
        return out;
    }

    /** Waits until {@code count} events of {@code type} match; fails naming {@code what} and the events seen. */
    public synchronized <T extends Event> List<T> awaitCount(String what, Class<T> type, Predicate<? super T> filter, int count,
                                                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> found = all(type, filter);
            if (found.size() >= count) return found;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + what + " within " + timeout.toMillis() + " ms (" + found.size() + " of " + count
                        + " seen); the adapter posted: " + summary());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    public <T extends Event> T await(String what, Class<T> type, Predicate<? super T> filter, Duration timeout) {
        return awaitCount(what, type, filter, 1, timeout).getFirst();
    }

    private String summary() {
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            String text = e.toString();
            lines.add(text.length() > 200 ? text.substring(0, 200) + "..." : text);
        }
        int from = Math.max(0, lines.size() - 15);
        return (from > 0 ? "(" + from + " earlier) " : "") + String.join("; ", lines.subList(from, lines.size()));
    }
}
