-- V4, proposed parameter changes and their approval. A proposal is PENDING until an operator approves or
-- rejects it or its expiry (wall time) passes; an approved one becomes APPLIED once the running bot took the
-- parameters at a safe point, and ROLLED_BACK when the parameters before it were put back. previous_json holds
-- the whole parameter set the bot ran with before the change, so that a rollback needs nothing else.

CREATE TABLE approvals (
    id              INTEGER PRIMARY KEY,
    bot_id          TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    changes_json    TEXT    NOT NULL,
    evidence_json   TEXT    NOT NULL,
    created_ns      INTEGER NOT NULL,
    expires_ns      INTEGER NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'APPLIED', 'ROLLED_BACK')),
    actor           TEXT,
    reason          TEXT,
    decided_ns      INTEGER,
    previous_json   TEXT,
    applied_ns      INTEGER
);
CREATE INDEX approvals_by_state ON approvals (state, expires_ns);
