package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a venue adapter's I/O threads post events: the engine's sink once {@code connect} gave it, guarded
 * so that a failing sink never kills a socket thread. Events posted before that are held and handed over first, in
 * order, when the sink is attached. An error event keeps at most 512 characters of what arrived, so that nothing is
 * silently lost and nothing huge is kept.
 */
public final class StreamEvents {

    private static final Logger log = LoggerFactory.getLogger(StreamEvents.class);
    private static final int RAW_LIMIT = 512;

    /** How many events posted before {@link #attach} are held for the sink; beyond it they are counted and reported. */
    public static final int HELD_BEFORE_ATTACH = 10_000;

    private volatile EventSink sink;
    /** Guards the events held before the first {@link #attach}. */
    private final Object early = new Object();
    /** Events posted before the first attach, in order; null once a sink has them. */
    private java.util.List<Event> held = new java.util.ArrayList<>();
    private int notHeld;

    /** Not attached yet: until {@link #attach}, posted events are held (at most {@value #HELD_BEFORE_ATTACH}). */
    public StreamEvents() {
    }

    /**
     * Starts handing events to the engine's sink; the adapter calls it from {@code connect}. The events posted before the
     * first attach reach {@code target} first, in the order they were posted, followed by an {@link Event.ErrorRaised}
     * ({@link ErrorCategory#INTERNAL}) counting any beyond the {@value #HELD_BEFORE_ATTACH} held; then everything posted.
     *
     * @param target the engine's sink; never null
     */
    public void attach(EventSink target) {
        Objects.requireNonNull(target, "sink");
        synchronized (early) {
            if (held != null) {
                for (Event event : held) deliver(target, event);
                if (notHeld > 0) {
                    deliver(target, new Event.ErrorRaised("stream", ErrorCategory.INTERNAL, notHeld + " event(s) arrived before the bot "
                            + "connected, beyond the " + HELD_BEFORE_ATTACH + " held for it, and were lost", "", Instant.now()));
                }
                held = null;
            }
            sink = target;
        }
    }

    /**
     * Posts an event to the sink; a sink that throws is logged and the event dropped. Before {@link #attach} the event is
     * held for the sink. Safe from any thread.
     *
     * @param event the event
     */
    public void post(Event event) {
        EventSink target = sink;
        if (target == null) {
            synchronized (early) {
                target = sink;
                if (target == null) {
                    if (held.size() < HELD_BEFORE_ATTACH) held.add(event);
                    else notHeld++;
                    return;
                }
            }
        }
        deliver(target, event);
    }

    private static void deliver(EventSink target, Event event) {
        try {
            target.post(event);
        } catch (RuntimeException e) {
            log.warn("event sink failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Posts an {@link Event.ErrorRaised} with at most 512 characters of {@code raw}.
     *
     * @param source where the error came from (venue and stream)
     * @param category its category
     * @param message what went wrong
     * @param raw the raw message that caused it, or null
     */
    public void error(String source, ErrorCategory category, String message, String raw) {
        post(new Event.ErrorRaised(source, category, message, truncate(raw, RAW_LIMIT), Instant.now()));
    }

    /**
     * At most {@code max} characters of a raw message, marked with its full length when cut.
     *
     * @param raw the raw text, or null
     * @param max how many characters to keep
     * @return the text, cut and marked when longer than {@code max}; empty for null
     */
    public static String truncate(String raw, int max) {
        if (raw == null) return "";
        return raw.length() <= max ? raw : raw.substring(0, max) + "...(" + raw.length() + " chars)";
    }
}
