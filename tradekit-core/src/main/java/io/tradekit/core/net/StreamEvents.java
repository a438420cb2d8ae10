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
 * so that a failing sink never kills a socket thread. An error event keeps at most 512 characters of what
 * arrived, so that nothing is silently lost and nothing huge is kept.
 */
public final class StreamEvents {

    private static final Logger log = LoggerFactory.getLogger(StreamEvents.class);
    private static final int RAW_LIMIT = 512;

    private volatile EventSink sink;

    /** Not attached yet: until {@link #attach}, posted events are dropped (logged at debug level). */
    public StreamEvents() {
    }

    /**
     * Starts handing events to the engine's sink; the adapter calls it from {@code connect}.
     *
     * @param target the engine's sink; never null
     */
    public void attach(EventSink target) {
        this.sink = Objects.requireNonNull(target, "sink");
    }

    /**
     * Posts an event to the sink; a sink that throws is logged and the event dropped. Before {@link #attach} the event is
     * dropped too (logged at debug level). Safe from any thread.
     *
     * @param event the event
     */
    public void post(Event event) {
        EventSink target = sink;
        if (target == null) {
            log.debug("event before connect dropped: {}", event);
            return;
        }
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
