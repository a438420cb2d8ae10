-- V6, the funding settlements of perpetual positions, journaled as they settle: funding paid and received over the
-- bot's whole history (and a position's accumulated funding) come from here after a restart, not from zero.
-- One settlement per symbol and instant: a venue that reports a settlement again (a restart fetches what it missed)
-- does not count it twice.

CREATE TABLE funding_payments (
    seq        INTEGER PRIMARY KEY,
    symbol     TEXT    NOT NULL,
    time_ns    INTEGER NOT NULL,
    rate       TEXT    NOT NULL,
    mark_price TEXT    NOT NULL,
    quantity   TEXT    NOT NULL,
    amount     TEXT    NOT NULL,
    UNIQUE (symbol, time_ns)
);
