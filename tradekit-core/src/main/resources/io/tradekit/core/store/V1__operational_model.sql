-- V1, the operational model of one bot, one file per bot.
-- Times are INTEGER nanoseconds since the Unix epoch, UTC (exact for java.time.Instant from 1677 to 2262).
-- Prices, quantities and money are TEXT decimal strings, read back with the same value and scale.

-- Orders, written ahead before they are sent, then updated as the venue reports. seq is the write order.
CREATE TABLE orders (
    seq                INTEGER PRIMARY KEY,
    client_order_id    TEXT    NOT NULL UNIQUE,
    venue_order_id     TEXT,
    symbol             TEXT    NOT NULL,
    side               TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type               TEXT    NOT NULL,
    quantity           TEXT    NOT NULL,
    limit_price        TEXT,
    time_in_force      TEXT    NOT NULL,
    reduce_only        INTEGER NOT NULL CHECK (reduce_only IN (0, 1)),
    status             TEXT    NOT NULL,
    filled_quantity    TEXT    NOT NULL,
    average_fill_price TEXT    NOT NULL,
    created_ns         INTEGER NOT NULL,
    updated_ns         INTEGER NOT NULL,
    tag                TEXT    NOT NULL,
    reason             TEXT
);
CREATE INDEX orders_by_venue_id ON orders (venue_order_id);

-- Fills, each applied once. A venue trade id is unique within a symbol. Every fill belongs to an order
-- this bot wrote ahead. seq is the journal order that the fill count of a snapshot refers to.
CREATE TABLE fills (
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
    UNIQUE (symbol, fill_id)
);
CREATE INDEX fills_by_order ON fills (client_order_id);
CREATE INDEX fills_by_time ON fills (time_ns);

-- Net quantity per symbol as the fills imply it, kept in the transaction that records the fills.
CREATE TABLE positions (
    symbol     TEXT    PRIMARY KEY,
    quantity   TEXT    NOT NULL,
    fill_count INTEGER NOT NULL,
    updated_ns INTEGER NOT NULL
);

CREATE TABLE equity_snapshots (
    seq            INTEGER PRIMARY KEY,
    time_ns        INTEGER NOT NULL,
    equity         TEXT    NOT NULL,
    cash           TEXT    NOT NULL,
    realized_pnl   TEXT    NOT NULL,
    unrealized_pnl TEXT    NOT NULL
);
CREATE INDEX equity_by_time ON equity_snapshots (time_ns);

-- The audit log, what happened, who did it, why, and its inputs.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    time_ns     INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    inputs_json TEXT    NOT NULL
);
CREATE INDEX events_by_time ON events (time_ns);
CREATE INDEX events_by_type ON events (type, time_ns);

CREATE TABLE config (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_ns INTEGER NOT NULL
);

-- Bars fetched from a venue, so that a restart does not download the warm-up history again.
CREATE TABLE candles (
    symbol        TEXT    NOT NULL,
    timeframe     TEXT    NOT NULL,
    open_time_ns  INTEGER NOT NULL,
    open          TEXT    NOT NULL,
    high          TEXT    NOT NULL,
    low           TEXT    NOT NULL,
    close         TEXT    NOT NULL,
    volume        TEXT    NOT NULL,
    PRIMARY KEY (symbol, timeframe, open_time_ns)
) WITHOUT ROWID;

-- The whole bot state as a JSON document. fill_count says how many journal fills it includes.
CREATE TABLE bot_snapshots (
    id         INTEGER PRIMARY KEY,
    time_ns    INTEGER NOT NULL,
    state      TEXT    NOT NULL,
    fill_count INTEGER NOT NULL,
    payload    TEXT    NOT NULL
);
