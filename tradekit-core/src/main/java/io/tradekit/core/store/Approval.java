package io.tradekit.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the approvals table: a proposed change and where it stands. {@code actor}, {@code reason} and
 * {@code decidedAt} are those of the last step (approve, reject, expire, apply failure, rollback); {@code previous}
 * is the whole parameter set the bot ran with before the change took effect (empty until it did).
 *
 * @param id           the store's id for the proposal (the number operators approve or reject by)
 * @param botId        the bot the change is for
 * @param source       who proposed it (a rule, a model, the optimizer)
 * @param changes      parameter name to new value; copied, unmodifiable
 * @param evidenceJson the figures the proposal is based on, as a JSON object
 * @param createdAt    when it was submitted (wall time)
 * @param expiresAt    when it expires unless an operator decided by then (wall time)
 * @param state        where it stands now
 * @param actor        who took the last step, empty while none was taken
 * @param reason       the reason given for the last step, if any
 * @param decidedAt    when the last step was taken, empty while none was
 * @param previous     the parameter set in force before the change was applied; copied, empty until it was applied
 * @param appliedAt    when the running bot put the change into force, empty until it did
 */
public record Approval(long id, String botId, String source, Map<String, String> changes, String evidenceJson, Instant createdAt,
                       Instant expiresAt, ApprovalState state, Optional<String> actor, Optional<String> reason,
                       Optional<Instant> decidedAt, Map<String, String> previous, Optional<Instant> appliedAt) {

    /** Copies {@code changes} and {@code previous} so that the record cannot change afterwards. */
    public Approval {
        changes = Map.copyOf(changes);
        previous = Map.copyOf(previous);
    }

    /**
     * A one-line summary for logs and the command line, e.g. {@code #7 grid-rules {levels=12} PENDING}.
     *
     * @return the id, the source, the changes (sorted by parameter name) and the state
     */
    public String describe() {
        return "#" + id + " " + source + " " + new java.util.TreeMap<>(changes) + " " + state;
    }
}
