-- V3, a fill is one venue trade of one order: (symbol, client order id, trade id). A venue that restarts
-- (a simulator, a testnet reset) numbers its trades from the start again, so a trade id alone would match
-- an old fill of another order and drop a real one. A client order id is never reused by a bot, so the same
-- trade of the same order still has one key however often the venue reports it.
-- SQLite cannot drop a table constraint: the table is rebuilt with its rows, seq and indexes unchanged.

CREATE TABLE fills_v3 (
    seq             INTEGER PRIMARY KEY,
    fill_id         TEXT    NOT NULL,
    client_order_id TEXT    NOT NULL REFERENCES orders (client_order_id),
    venue_order_id  TEXT    NOT NULL,
    symbol          TEXT    NOT NULL,
    side            TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    price           TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    fee             TEXT    NOT NULL,
    fee_asset       TEXT    NOT NULL,
    time_ns         INTEGER NOT NULL,
    maker           INTEGER NOT NULL CHECK (maker IN (0, 1)),
    UNIQUE (symbol, client_order_id, fill_id)
);
INSERT INTO fills_v3 (seq, fill_id, client_order_id, venue_order_id, symbol, side, price, quantity, fee, fee_asset, time_ns, maker)
    SELECT seq, fill_id, client_order_id, venue_order_id, symbol, side, price, quantity, fee, fee_asset, time_ns, maker FROM fills;
DROP TABLE fills;
ALTER TABLE fills_v3 RENAME TO fills;
CREATE INDEX fills_by_order ON fills (client_order_id);
CREATE INDEX fills_by_time ON fills (time_ns);
