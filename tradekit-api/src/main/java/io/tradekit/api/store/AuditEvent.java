package io.tradekit.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit journal: what happened, who did it, why, and the inputs as JSON.
 *
 * @param time       when it happened
 * @param type       what happened, e.g. {@code order.placed} or {@code bot.paused}
 * @param actor      who did it: the bot, a policy, or an operator's name
 * @param reason     why
 * @param inputsJson the figures it acted on, as a JSON object (blank is an empty object)
 */
public record AuditEvent(Instant time, String type, String actor, String reason, String inputsJson) {
    /** Checks that time, type, actor and reason are given. */
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        actor = actor == null ? "" : actor;
        reason = reason == null ? "" : reason;
        inputsJson = inputsJson == null || inputsJson.isBlank() ? "{}" : inputsJson;
    }
}
