package io.tradekit.advisor;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A proposed change of one bot's parameters: which bot, which source proposed it, the changes (each with
 * the value the bot runs with now), the evidence (the figures it was based on, by name, as text), a short
 * reason, when it was made and when it expires if nobody decides on it. A proposal is a value: approving
 * and applying it is the approvals' job.
 *
 * <pre>{@code Proposal p = Proposal.create("btc-grid", "grid-rules", List.of(ParameterChange.of(params, "levels", "8")),
 *         Map.of("winRate", "0.31"), "few round trips win: widen the grid", clock.instant(), Duration.ofHours(4));}</pre>
 *
 * @param id        unique among proposals (a random UUID from {@link #create})
 * @param botId     the bot whose parameters change
 * @param source    the name of the {@link ProposalSource} that made it
 * @param changes   the changes by parameter key, at least one, in the order the source gave them
 * @param evidence  the figures the proposal was based on, by name, as text (never a secret)
 * @param reason    why, in one or two sentences
 * @param createdAt when the source made it (wall time)
 * @param expiresAt when it expires undecided (wall time), after {@code createdAt}
 */
public record Proposal(String id, String botId, String source, Map<String, ParameterChange> changes, Map<String, String> evidence,
                       String reason, Instant createdAt, Instant expiresAt) {

    /**
     * Checks the components and copies the maps, keeping their order.
     *
     * @throws NullPointerException if a component is null
     * @throws io.tradekit.api.InvalidInputException if there is no change, a change is filed under another key
     *         than its own, or {@code expiresAt} is not after {@code createdAt}
     */
    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (changes.isEmpty()) throw new InvalidInputException("proposal " + id + " of bot " + botId + ": no parameter changes");
        for (Map.Entry<String, ParameterChange> e : changes.entrySet()) {
            if (!e.getKey().equals(e.getValue().key())) {
                throw new InvalidInputException("proposal " + id + ": change filed under '" + e.getKey() + "' is of '" + e.getValue().key() + "'");
            }
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new InvalidInputException("proposal " + id + ": expiresAt " + expiresAt + " is not after createdAt " + createdAt);
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /**
     * A new proposal with a random id, expiring {@code ttl} after {@code now}.
     *
     * @param botId    the bot whose parameters change
     * @param source   the name of the source that made it
     * @param changes  the changes, at least one; a later change of the same key replaces an earlier one
     * @param evidence the figures it was based on, by name, as text (never a secret)
     * @param reason   why, in one or two sentences
     * @param now      the wall time now: the proposal's creation
     * @param ttl      how long it stays open undecided, positive
     * @return the proposal
     * @throws io.tradekit.api.InvalidInputException if there is no change or {@code ttl} is not positive
     */
    public static Proposal create(String botId, String source, Iterable<ParameterChange> changes, Map<String, String> evidence,
                                  String reason, Instant now, Duration ttl) {
        Map<String, ParameterChange> byKey = new LinkedHashMap<>();
        for (ParameterChange c : changes) byKey.put(c.key(), c);
        return new Proposal(UUID.randomUUID().toString(), botId, source, byKey, evidence, reason, now, now.plus(ttl));
    }

    /**
     * {@code current} with every change of this proposal applied (the owner stays the same).
     *
     * @param current the parameters the bot runs with now
     * @return new parameters with the proposed values; {@code current} is not changed
     */
    public Params applyTo(Params current) {
        Map<String, String> values = new HashMap<>(current.values());
        changes.values().forEach(c -> values.put(c.key(), c.proposed()));
        return Params.of(current.owner(), values);
    }

    /**
     * Whether the proposal has expired at {@code now}.
     *
     * @param now a wall time
     * @return true from {@code expiresAt} on
     */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
