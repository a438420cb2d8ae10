package io.tradekit.core.store;

import io.tradekit.api.InvalidInputException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A parameter change someone proposes for a bot, as {@link ApprovalBook#submit} takes it: the bot, who proposes
 * (a rule, a model, the optimizer), the parameters to change and their new values, the figures it is based on
 * (a JSON object), and when it expires unless an operator decided by then (wall time).
 *
 * <pre>{@code new ProposedChange("btc-grid", "grid-rules", Map.of("levels", "12"), "{\"winRate\":0.61}", Instant.now().plusSeconds(3600));}</pre>
 *
 * @param botId        the bot the change is for; not blank
 * @param source       who proposes it (a rule, a model, the optimizer); not blank
 * @param changes      parameter name to new value; at least one, no blank names or values; kept sorted by name, unmodifiable
 * @param evidenceJson the figures the proposal is based on, as a JSON object; null or blank becomes {@code {}}
 * @param expiresAt    when the proposal expires unless an operator decided by then (wall time); not null
 */
public record ProposedChange(String botId, String source, Map<String, String> changes, String evidenceJson, Instant expiresAt) {

    /**
     * Validates the proposal and copies the changes.
     *
     * @throws InvalidInputException                   if the bot id or source is blank, there are no changes, or a
     *                                                change has a blank name or value; the message names the bot and source
     * @throws NullPointerException                   if {@code changes} or {@code expiresAt} is null
     */
    public ProposedChange {
        if (botId == null || botId.isBlank()) throw new InvalidInputException("proposal: botId must not be blank");
        if (source == null || source.isBlank()) throw new InvalidInputException("proposal for bot '" + botId + "': source must not be blank");
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) throw new InvalidInputException("proposal for bot '" + botId + "' from " + source + ": it changes no parameter");
        changes.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null || v.isBlank()) {
                throw new InvalidInputException("proposal for bot '" + botId + "' from " + source + ": parameter " + k + "=" + v
                        + " needs a name and a value");
            }
        });
        changes = java.util.Collections.unmodifiableMap(new TreeMap<>(changes));
        evidenceJson = evidenceJson == null || evidenceJson.isBlank() ? "{}" : evidenceJson;
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
