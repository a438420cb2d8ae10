-- V5, one equity snapshot per instant. A replay killed after it marked a bar's equity and resumed feeds that bar
-- again: the first mark of an instant stands (it was taken where an uninterrupted run takes it, before the bot acted
-- on the bar), so the equity journal holds one point per bar however often the bot restarted.
-- Existing duplicates keep their oldest row.

DELETE FROM equity_snapshots
 WHERE seq NOT IN (SELECT min(seq) FROM equity_snapshots GROUP BY time_ns);
DROP INDEX equity_by_time;
CREATE UNIQUE INDEX equity_by_time ON equity_snapshots (time_ns);
