package io.tradekit.core.store.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.TradeKitException;
import io.tradekit.core.store.UnrecoverableStateException;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private record Pending(long seq, JournalWrite write) {
        boolean isStop() {
            return write == null;
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
     */
    public JournalWriter(Handle handle, String location, int maxGroupSize, int snapshotRetention,
                         Map<String, PositionTally> positions) {
        this.handle = handle;
        this.location = location;
        this.maxGroupSize = maxGroupSize;
        this.snapshotRetention = snapshotRetention;
        this.positions = new LinkedHashMap<>(positions);
        this.thread = Thread.ofPlatform().daemon().name("tradekit-journal " + location).unstarted(this::run);
        thread.start();
    }

    /** Queues a write; returns its sequence number. Fails if the writer stopped or failed. */
    public long submit(JournalWrite write) {
        synchronized (lock) {
            if (failure != null) {
                throw failed();
            }
            if (stopping) {
                throw new IllegalStateException("state store " + location + " is closed");
            }
            long seq = ++submitted;
            queue.add(new Pending(seq, write));
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
                return;
            }
            queue.drainTo(group, maxGroupSize - 1);
            try {
                commit(group);
            } catch (SQLException | RuntimeException e) {
                fail(new UnrecoverableStateException("state store " + location + " could not commit a group of " + group.size()
                        + " writes and takes no more; everything flushed before is durable: " + e.getMessage(), e));
                closeStatements();
                return;
            }
            Pending last = group.getLast();
            synchronized (lock) {
                committed = last.seq();
                lock.notifyAll();
            }
            if (last.isStop()) {
                closeStatements();
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
                JournalWrite write = pending.write();
                if (write == null) {
                    continue;
                }
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
