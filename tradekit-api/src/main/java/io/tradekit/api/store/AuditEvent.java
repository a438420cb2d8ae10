package io.tradekit.api.store;

import java.time.Instant;
import java.util.Objects;

/** One line of the audit journal: what happened, who did it, why, and the inputs as JSON. */
public record AuditEvent(Instant time, String type, String actor, String reason, String inputsJson) {
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        actor = actor == null ? "" : actor;
        reason = reason == null ? "" : reason;
        inputsJson = inputsJson == null || inputsJson.isBlank() ? "{}" : inputsJson;
    }
}
