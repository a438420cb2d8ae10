package io.tradekit.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the approvals table: a proposed change and where it stands. {@code actor}, {@code reason} and
 * {@code decidedAt} are those of the last step (approve, reject, expire, apply failure, rollback); {@code previous}
 * is the whole parameter set the bot ran with before the change took effect (empty until it did).
 */
public record Approval(long id, String botId, String source, Map<String, String> changes, String evidenceJson, Instant createdAt,
                       Instant expiresAt, ApprovalState state, Optional<String> actor, Optional<String> reason,
                       Optional<Instant> decidedAt, Map<String, String> previous, Optional<Instant> appliedAt) {

    public Approval {
        changes = Map.copyOf(changes);
        previous = Map.copyOf(previous);
    }

    /** {@code #7 grid-rules {levels=12} PENDING}: for logs and the command line. */
    public String describe() {
        return "#" + id + " " + source + " " + new java.util.TreeMap<>(changes) + " " + state;
    }
}
