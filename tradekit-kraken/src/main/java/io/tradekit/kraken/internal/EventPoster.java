package io.tradekit.kraken.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;

/** Where the adapter's I/O threads post events: the engine's sink once connected, guarded so a failing sink never kills a socket thread. */
public final class EventPoster {

    private static final Logger log = LoggerFactory.getLogger(EventPoster.class);
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

    /** Posts an {@link Event.ErrorRaised} keeping at most 512 characters of what arrived. */
    public void error(String source, ErrorCategory category, String message, String raw) {
        post(new Event.ErrorRaised(source, category, message, Json.truncate(raw, RAW_LIMIT), Instant.now()));
    }
}
