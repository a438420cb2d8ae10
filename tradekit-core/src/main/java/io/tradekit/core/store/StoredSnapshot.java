package io.tradekit.core.store;

import io.tradekit.api.store.BotSnapshot;

import java.util.Objects;

/** One saved bot snapshot as found in a store: either intact, or damaged with the reason it cannot be read. */
public sealed interface StoredSnapshot {

    /** The store's id for the snapshot; a later save has a larger id. */
    long id();

    /** A snapshot that decodes; whether it agrees with the journal is checked separately. */
    record Intact(long id, BotSnapshot snapshot) implements StoredSnapshot {
        public Intact {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /** A snapshot whose bytes cannot be trusted (checksum mismatch, unreadable JSON, a missing field). */
    record Damaged(long id, String problem) implements StoredSnapshot {
        public Damaged {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
