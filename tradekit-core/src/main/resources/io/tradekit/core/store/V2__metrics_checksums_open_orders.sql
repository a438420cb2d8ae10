-- V2, metrics snapshots, a checksum on every snapshot so that damaged bytes are noticed rather than
-- trusted, and the index behind the most frequent question of the engine, which orders are still open.

CREATE TABLE metrics_snapshots (
    seq          INTEGER PRIMARY KEY,
    time_ns      INTEGER NOT NULL,
    metrics_json TEXT    NOT NULL
);
CREATE INDEX metrics_by_time ON metrics_snapshots (time_ns);

-- SHA-256 of payload in hex. NULL for a snapshot saved before V2, whose JSON is still checked field by field.
ALTER TABLE bot_snapshots ADD COLUMN checksum TEXT;

CREATE INDEX orders_by_status ON orders (status, seq);
