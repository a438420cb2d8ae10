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

    /** An empty log. */
    public EventLog() {
    }

    /**
     * Records the event and wakes every waiter; called by the adapter from any thread.
     *
     * @param event what the adapter posted
     */
    @Override
    public synchronized void post(Event event) {
        events.add(event);
        notifyAll();
    }

    /**
     * Every event posted so far.
     *
     * @return a copy, in the order posted
     */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * The events posted so far of one type that match a filter.
     *
     * @param <T>    the event type
     * @param type   the event class, e.g. {@code Event.BarClosed.class}
     * @param filter which of those to keep
     * @return the matching events, in the order posted
     */
    public synchronized <T extends Event> List<T> all(Class<T> type, Predicate<? super T> filter) {
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e) && filter.test(type.cast(e))) out.add(type.cast(e));
        }
        return out;
    }

    /**
     * Waits until {@code count} events of {@code type} match; fails naming {@code what} and the events seen.
     *
     * @param <T>     the event type
     * @param what    what is awaited, for the failure message
     * @param type    the event class
     * @param filter  which of those count
     * @param count   how many must match
     * @param timeout how long to wait, in wall time
     * @return every matching event (at least {@code count}), in the order posted
     * @throws AssertionError when fewer match in time (listing the latest events posted), or the wait is interrupted
     */
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

    /**
     * Waits until one event of {@code type} matches; fails naming {@code what} and the events seen.
     *
     * @param <T>     the event type
     * @param what    what is awaited, for the failure message
     * @param type    the event class
     * @param filter  which of those count
     * @param timeout how long to wait, in wall time
     * @return the first matching event
     * @throws AssertionError when none matches in time, or the wait is interrupted
     */
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
