package io.tradekit.core.store.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;
import io.tradekit.core.store.UnrecoverableStateException;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one thread that writes a bot's database, in group commits: it takes every write queued since its
 * last commit (up to a limit) and commits them in one transaction, so that the cost of a durable commit
 * (an fsync) is shared by the whole group. Writes commit in the order they were submitted, and a group
 * commits entirely or not at all, so whatever survives a crash is a prefix of the submitted writes.
 *
 * <p>Each write gets a sequence number; {@link #awaitDurable} blocks until the group holding it is
 * committed. If a group cannot be committed, the writer stops for good: every waiter and every later
 * caller gets the failure, because a journal with a hole in it must not go on.
 */
public final class JournalWriter implements AutoCloseable {

    /** Net quantity and fill count of one symbol, as the fills imply. */
    public record PositionTally(BigDecimal quantity, long fillCount) {
    }

    /** One submission: a single write, or several that must commit in the same transaction; none for the stop. */
    private record Pending(long seq, List<JournalWrite> writes) {
        boolean isStop() {
            return writes == null;
        }
    }

    private static final String UPSERT_POSITION = """
            INSERT INTO positions (symbol, quantity, fill_count, updated_ns) VALUES (?, ?, ?, ?)
            ON CONFLICT (symbol) DO UPDATE SET quantity = excluded.quantity, fill_count = excluded.fill_count,
                updated_ns = excluded.updated_ns""";
    private static final String PRUNE_SNAPSHOTS = """
            DELETE FROM bot_snapshots WHERE id NOT IN (SELECT id FROM bot_snapshots ORDER BY id DESC LIMIT ?)""";

    private final Handle handle;
    private final String location;
    private final CommitCount commits;
    private final int maxGroupSize;
    private final int snapshotRetention;
    private final Map<String, PositionTally> positions;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Prepared once per statement for the writer's life; used by the writer thread only. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Object lock = new Object();
    private final Thread thread;

    // Guarded by lock.
    private long submitted;
    private long committed;
    private boolean stopping;
    private TradeKitException failure;

    /**
     * @param handle    the connection this writer owns from now on
     * @param positions the positions table as loaded at open, kept up to date by this writer
     * @param commits   the journal's commit count, advanced in every group's transaction and mirrored beside the file
     */
    public JournalWriter(Handle handle, String location, int maxGroupSize, int snapshotRetention,
                         Map<String, PositionTally> positions, CommitCount commits) {
        this.handle = handle;
        this.location = location;
        this.commits = commits;
        this.maxGroupSize = maxGroupSize;
        this.snapshotRetention = snapshotRetention;
        this.positions = new LinkedHashMap<>(positions);
        this.thread = Thread.ofPlatform().daemon().name("tradekit-journal " + location).unstarted(this::run);
        thread.start();
    }

    /** Queues a write; returns its sequence number. Fails if the writer stopped or failed. */
    public long submit(JournalWrite write) {
        return submitTogether(List.of(write));
    }

    /**
     * Queues writes that commit in one transaction, never split between two groups: a crash keeps all of them or
     * none. Returns the sequence number of the submission. Fails if the writer stopped or failed.
     */
    public long submitTogether(List<JournalWrite> writes) {
        synchronized (lock) {
            if (failure != null) {
                throw failed();
            }
            if (stopping) {
                throw new IllegalStateException("state store " + location + " is closed");
            }
            long seq = ++submitted;
            queue.add(new Pending(seq, writes));
            return seq;
        }
    }

    /** Blocks until the write with this sequence number and every write before it are committed. */
    public void awaitDurable(long seq) {
        synchronized (lock) {
            while (committed < seq && failure == null) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TradeKitException(ErrorCategory.INTERNAL, "interrupted while waiting for " + location
                            + " to commit; the write may or may not be durable", e);
                }
            }
            if (committed < seq) {
                throw failed();
            }
        }
    }

    /** Blocks until everything submitted so far is committed. */
    public void flush() {
        long last;
        synchronized (lock) {
            if (failure != null) {
                throw failed();
            }
            last = submitted;
        }
        awaitDurable(last);
    }

    /** Commits everything submitted, then ends the thread. The handle stays open for the caller to close. */
    @Override
    public void close() {
        long last;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            last = ++submitted;
            queue.add(new Pending(last, null));
        }
        try {
            awaitDurable(last);
        } finally {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                fail(new TradeKitException(ErrorCategory.INTERNAL, "the journal writer of " + location + " was interrupted"));
                closeStatements();
                commits.close();
                return;
            }
            queue.drainTo(group, maxGroupSize - 1);
            try {
                commit(group);
                commits.committed();
            } catch (SQLException | IOException | RuntimeException e) {
                fail(new UnrecoverableStateException("state store " + location + " could not commit a group of " + group.size()
                        + " writes and takes no more; everything flushed before is durable: " + e.getMessage(), e));
                closeStatements();
                commits.close();
                return;
            }
            Pending last = group.getLast();
            synchronized (lock) {
                committed = last.seq();
                lock.notifyAll();
            }
            if (last.isStop()) {
                closeStatements();
                commits.close();
                return;
            }
        }
    }

    /**
     * Writes one group in one transaction. The rows go through plain JDBC batches on the connection that JDBI
     * opened and manages: JDBI's own batch binding costs several times more per row, and this is the one hot path.
     */
    private void commit(List<Pending> group) throws SQLException {
        Map<String, PositionTally> touched = new LinkedHashMap<>();
        // A position changed when its latest fill happened: the fill's time (market time in a replay), not the wall clock's.
        Map<String, Long> changedAt = new HashMap<>();
        boolean snapshotSaved = false;
        handle.begin();
        try {
            PreparedStatement batch = null;
            for (Pending pending : group) {
                if (pending.isStop()) {
                    continue;
                }
                for (JournalWrite write : pending.writes()) {
                    PreparedStatement statement = statement(write.sql());
                    if (statement != batch) {
                        // A new kind of row: send the previous batch first, so that rows reach the file in call order.
                        if (batch != null) {
                            batch.executeBatch();
                        }
                        batch = statement;
                    }
                    write.addTo(batch);
                    if (write instanceof JournalWrite.FillRow fill) {
                        PositionTally before = touched.getOrDefault(fill.symbol(),
                                positions.getOrDefault(fill.symbol(), new PositionTally(BigDecimal.ZERO, 0)));
                        touched.put(fill.symbol(), new PositionTally(before.quantity().add(fill.signedQuantity()), before.fillCount() + 1));
                        changedAt.merge(fill.symbol(), fill.timeNs(), Math::max);
                    } else if (write instanceof JournalWrite.SnapshotRow) {
                        snapshotSaved = true;
                    }
                }
            }
            if (batch != null) {
                batch.executeBatch();
            }
            if (!touched.isEmpty()) {
                PreparedStatement upsert = statement(UPSERT_POSITION);
                for (Map.Entry<String, PositionTally> e : touched.entrySet()) {
                    upsert.setString(1, e.getKey());
                    upsert.setString(2, e.getValue().quantity().toString());
                    upsert.setLong(3, e.getValue().fillCount());
                    upsert.setLong(4, changedAt.get(e.getKey()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            if (snapshotSaved) {
                PreparedStatement prune = statement(PRUNE_SNAPSHOTS);
                prune.setInt(1, snapshotRetention);
                prune.executeUpdate();
            }
            try (Statement count = handle.getConnection().createStatement()) {
                // In the group's own transaction: the database's count of commits moves with what it commits.
                count.execute("PRAGMA user_version = " + commits.next());
            }
            handle.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                handle.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        positions.putAll(touched);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = handle.getConnection().prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private void closeStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The connection is closed next; a statement that fails to close has nothing left to release.
            }
        }
        statements.clear();
    }

    /** The writer's failure, as thrown to one caller: with that caller's stack, and the writer's as the cause. */
    private UnrecoverableStateException failed() {
        return new UnrecoverableStateException(failure.getMessage(), failure);
    }

    private void fail(TradeKitException why) {
        synchronized (lock) {
            failure = why;
            lock.notifyAll();
        }
    }
}
