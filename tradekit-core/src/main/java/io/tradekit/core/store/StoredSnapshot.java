package io.tradekit.core.store;

import io.tradekit.api.store.BotSnapshot;

import java.util.Objects;

/** One saved bot snapshot as found in a store: either intact, or damaged with the reason it cannot be read. */
public sealed interface StoredSnapshot {

    /**
     * The store's id for the snapshot.
     *
     * @return the id; a later save has a larger id
     */
    long id();

    /**
     * A snapshot that decodes; whether it agrees with the journal is checked separately.
     *
     * @param id       the store's id for the snapshot
     * @param snapshot the decoded snapshot; not null
     */
    record Intact(long id, BotSnapshot snapshot) implements StoredSnapshot {
        /**
         * Checks the snapshot is present.
         *
         * @throws NullPointerException if {@code snapshot} is null
         */
        public Intact {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /**
     * A snapshot whose bytes cannot be trusted (checksum mismatch, unreadable JSON, a missing field).
     *
     * @param id      the store's id for the snapshot
     * @param problem why it cannot be read; not null
     */
    record Damaged(long id, String problem) implements StoredSnapshot {
        /**
         * Checks the problem is present.
         *
         * @throws NullPointerException if {@code problem} is null
         */
        public Damaged {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
