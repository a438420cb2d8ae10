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

    public void attach(EventSink target) {
        this.sink = Objects.requireNonNull(target, "sink");
    }

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

    /** Posts an {@link Event.ErrorRaised} with at most 512 characters of {@code raw}. */
    public void error(String source, ErrorCategory category, String message, String raw) {
        post(new Event.ErrorRaised(source, category, message, truncate(raw, RAW_LIMIT), Instant.now()));
    }

    /** At most {@code max} characters of a raw message, marked with its full length when cut. */
    public static String truncate(String raw, int max) {
        if (raw == null) return "";
        return raw.length() <= max ? raw : raw.substring(0, max) + "...(" + raw.length() + " chars)";
    }
}
