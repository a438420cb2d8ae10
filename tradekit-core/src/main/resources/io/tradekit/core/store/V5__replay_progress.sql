-- V5, one equity snapshot per instant. A replay resumed after a crash feeds again the one bar it had not
-- finished, and a bot stopping on a data clock marks equity at its last bar's close: the newer mark of an
-- instant replaces the older, so the equity journal holds one point per bar however often the bot restarted.
-- Existing duplicates keep their newest row (the one a report already preferred).

DELETE FROM equity_snapshots
 WHERE seq NOT IN (SELECT max(seq) FROM equity_snapshots GROUP BY time_ns);
DROP INDEX equity_by_time;
CREATE UNIQUE INDEX equity_by_time ON equity_snapshots (time_ns);
