package io.tradekit.binance.internal;

import io.tradekit.api.OrderBook;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Binance's rules for keeping a local order book (web-socket-streams.md "How to manage a local order book
 * correctly"), for one symbol, without any I/O: the owner feeds it the stream's diffs and the REST snapshots
 * it fetched, and acts on what each step answers. Not thread-safe; the owner serialises calls.
 *
 * <ol>
 *   <li>Until a snapshot is in, diffs are buffered (at most {@code maxBuffered}; past that the oldest go,
 *       and the snapshot then finds its gap and asks for another).</li>
 *   <li>A snapshot older than the first buffered diff ({@code lastUpdateId < U}) is useless: fetch again.</li>
 *   <li>Buffered diffs with {@code u <= lastUpdateId} are dropped; the first one left must straddle the
 *       snapshot, {@code U <= lastUpdateId + 1 <= u}, or updates were missed: start over.</li>
 *   <li>From then on a diff with {@code u} at or below the book's update id is old and ignored; any other must
 *       start right after it ({@code U == id + 1}), or it is a gap: start over with a new snapshot.</li>
 * </ol>
 */
final class DepthSync {

    /** What a diff did. */
    enum DiffOutcome {
        /** Held until the snapshot arrives. */
        BUFFERED,
        /** Older than the book: nothing to do. */
        IGNORED,
        /** The book moved. */
        APPLIED,
        /** Updates were missed: the book is discarded; fetch a new snapshot. */
        GAP
    }

    /** What a snapshot did. */
    enum SnapshotOutcome {
        /** The book is built and in step with the stream. */
        IN_SYNC,
        /** The snapshot is older than the stream's first buffered diff: fetch another. */
        TOO_OLD,
        /** The buffered diffs do not continue the snapshot: fetch another. */
        GAP
    }

    private final LocalOrderBook levels;
    private final int maxBuffered;
    private final Deque<DepthMapping.DepthDiff> buffer = new ArrayDeque<>();
    private boolean inSync;
    /** The snapshot is in but no diff applied yet: the next must straddle {@code updateId + 1}. */
    private boolean awaitingFirstDiff;
    private long updateId;
    private Instant changedAt = Instant.EPOCH;

    DepthSync(String symbol, int maxLevels, int maxBuffered) {
        this.levels = new LocalOrderBook(symbol, maxLevels);
        this.maxBuffered = maxBuffered;
    }

    /** Discards the book and buffers the stream again, waiting for a snapshot. */
    void restart() {
        inSync = false;
        awaitingFirstDiff = false;
        buffer.clear();
        levels.clear();
    }

    boolean inSync() {
        return inSync;
    }

    /** The venue's update id of the last change in the book. */
    long updateId() {
        return updateId;
    }

    DiffOutcome onDiff(DepthMapping.DepthDiff diff) {
        if (!inSync) {
            buffer.addLast(diff);
            if (buffer.size() > maxBuffered) buffer.removeFirst();
            return DiffOutcome.BUFFERED;
        }
        if (diff.lastUpdateId() <= updateId) {
            return DiffOutcome.IGNORED;
        }
        boolean continues = awaitingFirstDiff ? diff.firstUpdateId() <= updateId + 1 : diff.firstUpdateId() == updateId + 1;
        if (!continues) {
            restart();
            buffer.addLast(diff); // where the stream is now: the next snapshot must reach it
            return DiffOutcome.GAP;
        }
        apply(diff);
        return DiffOutcome.APPLIED;
    }

    SnapshotOutcome onSnapshot(DepthMapping.DepthSnapshot snapshot, Instant arrival) {
        long id = snapshot.lastUpdateId();
        if (!buffer.isEmpty() && id < buffer.peekFirst().firstUpdateId()) {
            return SnapshotOutcome.TOO_OLD;
        }
        while (!buffer.isEmpty() && buffer.peekFirst().lastUpdateId() <= id) {
            buffer.removeFirst();
        }
        if (!buffer.isEmpty() && buffer.peekFirst().firstUpdateId() > id + 1) {
            return SnapshotOutcome.GAP;
        }
        levels.clear();
        levels.apply(snapshot.bids(), snapshot.asks());
        updateId = id;
        changedAt = arrival;
        inSync = true;
        awaitingFirstDiff = true;
        while (!buffer.isEmpty()) {
            DepthMapping.DepthDiff next = buffer.removeFirst();
            if (onDiff(next) == DiffOutcome.GAP) return SnapshotOutcome.GAP;
        }
        return SnapshotOutcome.IN_SYNC;
    }

    private void apply(DepthMapping.DepthDiff diff) {
        levels.apply(diff.bids(), diff.asks());
        updateId = diff.lastUpdateId();
        changedAt = diff.eventTime();
        awaitingFirstDiff = false;
    }

    /**
     * The book as it stands, when in step with the stream.
     *
     * @throws io.tradekit.api.InvalidInputException when its levels cross, which a consistent stream never does
     */
    Optional<OrderBook> book() {
        return inSync ? Optional.of(levels.toOrderBook(updateId, changedAt)) : Optional.empty();
    }
}
