package io.tradekit.core.store;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import io.tradekit.core.store.internal.CommitCount;
import io.tradekit.core.store.internal.EpochNanos;
import io.tradekit.core.store.internal.FillEntry;
import io.tradekit.core.store.internal.JournalConnection;
import io.tradekit.core.store.internal.JournalFiles;
import io.tradekit.core.store.internal.JournalLock;
import io.tradekit.core.store.internal.JournalQueries;
import io.tradekit.core.store.internal.JournalWrite;
import io.tradekit.core.store.internal.JournalWriter;
import io.tradekit.core.store.internal.SchemaMigrator;
import io.tradekit.core.store.internal.SnapshotVerifier;
import io.tradekit.core.store.internal.SqliteFailure;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A bot's state in one SQLite file (WAL journal, {@code synchronous=FULL}, foreign keys on, a busy
 * timeout), written through JDBI by a writer thread of its own in group commits. Open it with
 * {@link StateStores#sqlite(Path)}; the schema is created or upgraded on open.
 *
 * <h2>Durability rule</h2>
 * <ul>
 *   <li>{@link #writeAhead} returns only when the order is committed and synced to the disk: a written-ahead
 *       order is never lost, so an order that left for the venue is always known after a restart.</li>
 *   <li>Every other write ({@link #updateOrder}, {@link #recordFill}, {@link #recordEvent}, {@link #recordEquity},
 *       {@link #saveSnapshot}, metrics, config, candles) returns as soon as it is queued; the writer commits it
 *       with everything else queued, in one transaction per group. A write is <em>acknowledged</em> when a later
 *       {@link #flush()}, {@link #writeAhead} or {@link #close()} has returned: these wait for every earlier
 *       write.</li>
 *   <li>A power cut or a crash loses nothing acknowledged. It may lose writes made since the last
 *       acknowledgement, and then always the newest ones: groups commit whole and in call order, so what
 *       survives is a prefix of the calls (never a snapshot without the fills it counts, never a fill without
 *       the fills before it). A lost fill or order update is still at the venue and is fetched again when the
 *       restarted bot reconciles.</li>
 *   <li>{@link #recordFill}'s answer is exact from the moment it returns: the fill keys are kept in memory,
 *       loaded from the file at open, and the database holds a unique constraint on (symbol, client order id,
 *       fill id).</li>
 * </ul>
 * A read first waits for every earlier write, so it sees them all. If a group cannot be committed (disk
 * full, I/O error), the store takes no more writes and every call fails with the reason: a journal with a
 * hole must not go on.
 *
 * <h2>One process per journal</h2>
 * The store holds an exclusive OS lock on {@code <file>.lock} from open to close; a second store on the same file,
 * in this process or another, is refused with the holder's pid and start time ({@link JournalInUseException}).
 *
 * <h2>Checkpoints and lost files</h2>
 * Commits go to SQLite's write-ahead log ({@code <file>-wal}) first; SQLite copies them into the database at its
 * automatic checkpoints (about every 1000 pages of log), and {@link #close()} checkpoints the whole log into the
 * database, after which SQLite removes the log. Until then the log is part of the journal: back up both files
 * together, with the bot stopped. At open the store refuses, naming the file, a log whose damaged frame is followed
 * by committed transactions (SQLite would drop them silently), a log left without its database, and a database
 * whose log is gone although the last process died with it open (the lock file says so).
 */
public final class SqliteStateStore implements BotStore {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final String location;
    private final Handle readHandle;
    private final Handle writeHandle;
    private final JournalWriter writer;
    private final Set<String> fillKeys;
    private final Set<String> clientOrderIds;
    private final Set<String> fundingKeys;
    private final Object readLock = new Object();
    private final JournalLock lock;
    private boolean closed;
    /** Nesting depth of {@link #inOneCommit} calls under way; while above 0, writes wait in {@link #held}. Guarded by this. */
    private int holding;
    /** Whether an order was written ahead inside the {@link #inOneCommit} under way; guarded by this. */
    private boolean wroteAheadInCommit;
    /** The sequence number of the last group released to the writer; guarded by this. */
    private long lastReleased;
    private final List<JournalWrite> held = new ArrayList<>();

    private SqliteStateStore(String location, Handle readHandle, Handle writeHandle, JournalWriter writer,
                             Set<String> fillKeys, Set<String> clientOrderIds, Set<String> fundingKeys, JournalLock lock) {
        this.location = location;
        this.readHandle = readHandle;
        this.writeHandle = writeHandle;
        this.writer = writer;
        this.fillKeys = fillKeys;
        this.clientOrderIds = clientOrderIds;
        this.fundingKeys = fundingKeys;
        this.lock = lock;
    }

    /**
     * Opens or creates the store in {@code file}: checks that the file is an intact SQLite database, applies the
     * pending schema migrations, and loads the fill ids and client order ids that deduplication needs.
     *
     * @throws UnrecoverableStateException if the file is damaged or belongs to something else
     */
    static SqliteStateStore open(Path file, SqliteOptions options) {
        Path path = file.toAbsolutePath().normalize();
        String location = path.toString();
        JournalFiles.requireFilePath(path);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
        } catch (IOException e) {
            throw SqliteFailure.translate(location, e);
        }
        JournalLock lock = JournalLock.acquire(path);
        try {
            JournalFiles.verify(path, lock.previousEndedUncleanly());
            refuseForeignHeader(path, location);
            return open(path, location, options, lock, isNew(path));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Whether the journal is being created: no database file, or an empty one with no log (the checks above refuse one with a log). */
    private static boolean isNew(Path path) {
        try {
            return !Files.exists(path) || Files.size(path) == 0;
        } catch (IOException e) {
            throw SqliteFailure.translate(path.toString(), e);
        }
    }

    private static SqliteStateStore open(Path path, String location, SqliteOptions options, JournalLock lock, boolean created) {
        Jdbi jdbi = Jdbi.create(JournalConnection.dataSource(location, options.busyTimeout()));
        Handle write = null;
        Handle read = null;
        CommitCount commits = null;
        try {
            write = jdbi.open();
            verifyIntegrity(write, location);
            commits = CommitCount.open(path, write.createQuery("PRAGMA user_version").mapTo(Integer.class).one(), created);
            SchemaMigrator.migrate(write, SchemaMigrator.latestVersion(), location);
            Set<String> fillKeys = JournalQueries.fillKeys(write);
            Set<String> clientOrderIds = JournalQueries.clientOrderIds(write);
            Set<String> fundingKeys = JournalQueries.fundingKeys(write);
            Map<String, JournalWriter.PositionTally> positions = JournalQueries.positions(write);
            read = jdbi.open();
            lock.markOpen();
            JournalWriter writer = new JournalWriter(write, location, options.maxGroupSize(), options.snapshotRetention(), positions, commits);
            return new SqliteStateStore(location, read, write, writer, fillKeys, clientOrderIds, fundingKeys, lock);
        } catch (RuntimeException e) {
            if (commits != null) commits.close();
            closeQuietly(read, e);
            closeQuietly(write, e);
            throw SqliteFailure.translate(location, e);
        }
    }

    /**
     * The absolute path of the database file.
     *
     * @return the database file
     */
    public Path file() {
        return Path.of(location);
    }

    @Override
    public void writeAhead(Order order) {
        JournalWrite.OrderRow row = JournalWrite.OrderRow.of(order);
        long seq;
        synchronized (this) {
            ensureOpen();
            if (clientOrderIds.contains(order.clientOrderId())) {
                throw StoreRefusals.orderWrittenTwice(order, location);
            }
            held.add(row);
            clientOrderIds.add(order.clientOrderId());
            if (holding > 0) {
                // Inside inOneCommit: the order commits with the rest of the work (the strategy's state after its answer
                // included), durable before inOneCommit returns; the caller sends it only then.
                wroteAheadInCommit = true;
                return;
            }
            seq = release();
        }
        writer.awaitDurable(seq);
    }

    @Override
    public void updateOrder(Order order) {
        JournalWrite.OrderRow row = JournalWrite.OrderRow.of(order);
        synchronized (this) {
            ensureOpen();
            enqueue(row);
            clientOrderIds.add(order.clientOrderId());
        }
    }

    @Override
    public boolean recordFill(Fill fill) {
        JournalWrite.FillRow row = JournalWrite.FillRow.of(fill);
        String key = JournalQueries.fillKey(fill.symbol(), fill.clientOrderId(), fill.fillId());
        synchronized (this) {
            ensureOpen();
            if (fillKeys.contains(key)) {
                return false;
            }
            if (!clientOrderIds.contains(fill.clientOrderId())) {
                throw StoreRefusals.fillOfUnknownOrder(fill, location);
            }
            enqueue(row);
            fillKeys.add(key);
            return true;
        }
    }

    @Override
    public boolean recordFunding(FundingPayment payment) {
        JournalWrite.FundingRow row = JournalWrite.FundingRow.of(payment);
        String key = JournalQueries.fundingKey(payment.symbol(), payment.time());
        synchronized (this) {
            ensureOpen();
            if (!fundingKeys.add(key)) {
                return false;
            }
            writer.submit(row);
            return true;
        }
    }

    @Override
    public List<FundingPayment> fundingPayments() {
        return read(JournalQueries::fundingPayments);
    }

    @Override
    public void recordEvent(AuditEvent event) {
        submit(JournalWrite.EventRow.of(event));
    }

    /** Journals an equity mark; the journal keeps one per instant: the first mark of an instant stands, a later one is dropped. */
    @Override
    public void recordEquity(EquitySnapshot snapshot) {
        submit(JournalWrite.EquityRow.of(snapshot));
    }

    /** Saves the snapshot and prunes all but the newest {@link SqliteOptions#snapshotRetention()}, in one transaction. */
    @Override
    public void saveSnapshot(BotSnapshot snapshot) {
        submit(JournalWrite.SnapshotRow.of(snapshot));
    }

    @Override
    public void recordMetrics(MetricsSnapshot metrics) {
        submit(JournalWrite.MetricsRow.of(metrics));
    }

    @Override
    public void putConfig(String key, String value) {
        putConfig(key, value, Instant.now());
    }

    @Override
    public void putConfig(String key, String value, Instant at) {
        if (key == null || key.isBlank() || value == null) {
            throw new InvalidInputException("config entry of " + location + ": key must not be blank and value not null, got "
                    + key + "=" + value);
        }
        submit(new JournalWrite.ConfigRow(key, value, EpochNanos.of(at, "config entry " + key + " time")));
    }

    @Override
    public void cacheCandles(List<Bar> bars) {
        List<JournalWrite.CandleRow> rows = bars.stream().map(JournalWrite.CandleRow::of).toList();
        synchronized (this) {
            ensureOpen();
            rows.forEach(this::enqueue);
        }
    }

    /**
     * The newest snapshot that is intact and agrees with the journal, passing over damaged or inconsistent newer
     * ones; empty if none was saved.
     *
     * @throws UnrecoverableStateException if snapshots were saved but none can be trusted
     */
    @Override
    public Optional<BotSnapshot> latestSnapshot() {
        List<StoredSnapshot> history = snapshotHistory();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        SnapshotVerifier.Selection selection = SnapshotVerifier.select(history, fillEntries());
        return Optional.of(selection.chosen().orElseThrow(() -> new UnrecoverableStateException("state store " + location
                + " holds no snapshot that can be trusted: " + String.join("; ", selection.rejections()))).snapshot());
    }

    @Override
    public List<StoredSnapshot> snapshotHistory() {
        return read(JournalQueries::snapshotHistory);
    }

    @Override
    public List<Order> orders() {
        return read(JournalQueries::orders);
    }

    @Override
    public List<Order> openOrders() {
        return read(JournalQueries::openOrders);
    }

    @Override
    public Optional<Order> order(String clientOrderId) {
        return read(h -> JournalQueries.order(h, clientOrderId));
    }

    @Override
    public List<Fill> fills() {
        return read(JournalQueries::fills);
    }

    /** Order, symbol, side and quantity of every fill, in journal order: what integrity checks read. */
    List<FillEntry> fillEntries() {
        return read(JournalQueries::fillEntries);
    }

    /** The fills after the first {@code count}, in journal order. */
    List<Fill> fillsAfter(long count) {
        return read(h -> JournalQueries.fillsAfter(h, count));
    }

    @Override
    public List<Fill> fillsOf(String clientOrderId) {
        return read(h -> JournalQueries.fillsOf(h, clientOrderId));
    }

    @Override
    public Map<String, BigDecimal> journalPositions() {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        read(JournalQueries::positions).forEach((symbol, tally) -> net.put(symbol, tally.quantity()));
        return net;
    }

    @Override
    public List<AuditEvent> events(int limit) {
        return read(h -> JournalQueries.events(h, limit));
    }

    @Override
    public List<AuditEvent> events(String type, int limit) {
        return read(h -> JournalQueries.events(h, type, limit));
    }

    @Override
    public List<AuditEvent> eventsSince(Instant from) {
        return read(h -> JournalQueries.eventsSince(h, from));
    }

    @Override
    public List<EquitySnapshot> equitySince(Instant from) {
        return read(h -> JournalQueries.equitySince(h, from));
    }

    @Override
    public List<MetricsSnapshot> metricsSince(Instant from) {
        return read(h -> JournalQueries.metricsSince(h, from));
    }

    @Override
    public Optional<String> config(String key) {
        return read(h -> JournalQueries.config(h, key));
    }

    @Override
    public Map<String, String> configEntries() {
        return read(JournalQueries::configEntries);
    }

    @Override
    public List<Bar> cachedCandles(String symbol, Timeframe timeframe, Instant from, Instant to) {
        return read(h -> JournalQueries.cachedCandles(h, symbol, timeframe, from, to));
    }

    /** Durable: every write is in the SQLite file (WAL) when it returns, and a restart reads it back. */
    @Override
    public boolean durable() {
        return true;
    }

    /** Blocks until every write made before this call is committed and synced (writes held by {@link #inOneCommit} too). */
    @Override
    public void flush() {
        synchronized (this) {
            ensureOpen();
            release();
        }
        writer.flush();
    }

    /**
     * What {@code work} records (a fill, the order updates it causes) commits in one transaction with what it writes
     * ahead (the orders it makes a strategy send), or with nothing before its end: a crash never keeps a fill without
     * the orders its strategy sent in answer. Writes of {@code work} wait in memory until the first of: a
     * {@link #flush()} or read, the end of {@code work}. An order written ahead in {@code work} is durable when this
     * returns, not before: its caller sends it after.
     */
    @Override
    public void inOneCommit(Runnable work) {
        synchronized (this) {
            holding++;
        }
        long durableBeforeReturn = 0;
        try {
            work.run();
        } finally {
            synchronized (this) {
                if (--holding == 0 && !closed) {
                    release();
                    if (wroteAheadInCommit) durableBeforeReturn = lastReleased;
                    wroteAheadInCommit = false;
                }
            }
        }
        // An order written ahead in the work is durable before it may be sent, which its caller does once this returns.
        if (durableBeforeReturn > 0) writer.awaitDurable(durableBeforeReturn);
    }

    /** Queues a write, or holds it while {@link #inOneCommit} runs. Called holding this. */
    private void enqueue(JournalWrite write) {
        if (holding > 0) held.add(write);
        else writer.submit(write);
    }

    /** Queues every held write as one group; returns its sequence number, or 0 when none is held. Called holding this. */
    private long release() {
        if (held.isEmpty()) return 0;
        long seq = held.size() == 1 ? writer.submit(held.getFirst()) : writer.submitTogether(List.copyOf(held));
        held.clear();
        lastReleased = seq;
        return seq;
    }

    /**
     * Copies every committed write from the write-ahead log into the database file (SQLite's passive checkpoint,
     * which never blocks a writer), so that the database file alone holds them.
     */
    void checkpoint() {
        flush();
        synchronized (readLock) {
            try {
                readHandle.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (RuntimeException e) {
                throw SqliteFailure.translate(location, e);
            }
        }
    }

    /** Commits everything written, then closes the file; a second call does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            release();
            closed = true;
        }
        try {
            writer.close();
            // Everything into the database file before the lock file says "closed": a kill at any point of this close
            // leaves either the log beside the database or a database that no longer needs it.
            writeHandle.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            lock.markClosed();
        } finally {
            try {
                synchronized (readLock) {
                    readHandle.close();
                }
                writeHandle.close();
            } finally {
                lock.close();
            }
        }
    }

    @Override
    public String toString() {
        return "SQLite state store " + location;
    }

    private void submit(JournalWrite write) {
        synchronized (this) {
            ensureOpen();
            enqueue(write);
        }
    }

    private <T> T read(Function<Handle, T> query) {
        flush();
        synchronized (readLock) {
            try {
                return query.apply(readHandle);
            } catch (InvalidInputException e) {
                throw new UnrecoverableStateException("state store " + location + " holds a value that is not valid: "
                        + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw SqliteFailure.translate(location, e);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("state store " + location + " is closed");
        }
    }

    private static void verifyIntegrity(Handle handle, String location) {
        List<String> problems = handle.createQuery("PRAGMA quick_check(5)").mapTo(String.class).list();
        if (!problems.equals(List.of("ok"))) {
            throw SqliteFailure.damaged(location, "SQLite's integrity check reports: " + String.join("; ", problems), null);
        }
    }

    /** A file that does not start with SQLite's header is refused before SQLite is let near it. */
    private static void refuseForeignHeader(Path path, String location) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) == 0) {
                return;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(SQLITE_MAGIC.length);
            }
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw SqliteFailure.damaged(location, "file is not a database: its first bytes are not the SQLite header, so it is "
                        + "truncated, overwritten or another kind of file", null);
            }
        } catch (IOException e) {
            throw SqliteFailure.translate(location, e);
        }
    }

    private static void closeQuietly(Handle handle, RuntimeException failure) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
