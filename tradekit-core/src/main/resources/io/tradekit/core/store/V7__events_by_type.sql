-- V7, audit events found by type in the order they were written: a restarted strategy reads back the newest lines
-- of its own type (a grid's round trips) among every other event of the bot's history, newest first, straight from
-- the index. The index of V1 ordered a type's events by market time, so that query had to sort every line of the type.

DROP INDEX events_by_type;
CREATE INDEX events_by_type ON events (type, seq);
