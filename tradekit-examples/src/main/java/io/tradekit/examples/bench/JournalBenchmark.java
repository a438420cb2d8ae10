package io.tradekit.examples.bench;

import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.core.store.RecoveredState;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateLoader;
import io.tradekit.core.store.StateStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast the SQLite journal takes writes, durably, and how long a bot with 100 000 fills takes to open
 * its file and load the state it resumes from.
 *
 * <pre>{@code java -cp tradekit-examples/target/tradekit.jar org.openjdk.jmh.Main JournalBenchmark -f 1 -wi 2 -i 3}</pre>
 *
 * <ul>
 *   <li>{@code journalEvents}: audit events per second, each batch of 10 000 followed by {@code flush()}, so that
 *       every event counted is durable by the store's rule.</li>
 *   <li>{@code writeAheadOrder}: the time an order waits before it may be sent (one synced commit).</li>
 *   <li>{@code openAndLoad100kFills}: open the file (integrity check, migrations, dedup sets) and
 *       {@link StateLoader#load} it: newest snapshot checked against its 90 000 fills, 10 000 fills after it.</li>
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class JournalBenchmark {

    private static final int EVENTS_PER_FLUSH = 10_000;
    private static final int FILLS = 100_000;
    private static final int FILLS_PER_ORDER = 10;
    private static final Instant T0 = Instant.parse("2024-03-13T00:00:00Z");

    /** Created by JMH, once per fork. */
    public JournalBenchmark() {
    }

    /** A store that takes writes for the length of a trial. */
    @State(Scope.Thread)
    public static class OpenJournal {
        Path dir;
        SqliteStateStore store;
        long counter;

        /** Created by JMH for each trial. */
        public OpenJournal() {
        }

        /**
         * Creates a temporary directory and a SQLite journal in it, once per trial.
         *
         * @throws IOException when the temporary directory cannot be created
         */
        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("tradekit-journal-bench");
            store = StateStores.sqlite(dir.resolve("bot.db"));
        }

        /** Closes the journal and deletes its directory. */
        @TearDown(Level.Trial)
        public void close() {
            store.close();
            deleteTree(dir);
        }
    }

    /** A bot file with 100 000 fills over 10 000 orders and three snapshots, written once per trial. */
    @State(Scope.Benchmark)
    public static class BotWith100kFills {
        Path dir;
        Path file;

        /** Created by JMH for each trial. */
        public BotWith100kFills() {
        }

        /**
         * Writes the file once per trial: 10 000 orders of 10 fills each, a snapshot every 30 000 fills.
         *
         * @throws IOException when the temporary directory cannot be created
         */
        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = Files.createTempDirectory("tradekit-load-bench");
            file = dir.resolve("bot.db");
            try (SqliteStateStore store = StateStores.sqlite(file)) {
                BigDecimal net = BigDecimal.ZERO;
                BigDecimal lot = new BigDecimal("0.001");
                for (int o = 0; o < FILLS / FILLS_PER_ORDER; o++) {
                    Side side = o % 3 == 2 ? Side.SELL : Side.BUY;
                    Order order = order("bench-" + o, side, o);
                    store.updateOrder(order); // queued rather than written ahead: the file is the same, and setup is faster
                    for (int f = 0; f < FILLS_PER_ORDER; f++) {
                        int n = o * FILLS_PER_ORDER + f;
                        store.recordFill(new Fill("t" + n, order.clientOrderId(), "v" + o, "BTCUSDT", side,
                                new BigDecimal("64000.25").add(BigDecimal.valueOf(o % 50)), lot, new BigDecimal("0.0000475"), "BNB",
                                T0.plusMillis(n * 100L), f % 2 == 0));
                        net = side == Side.BUY ? net.add(lot) : net.subtract(lot);
                        if ((n + 1) % 30_000 == 0) {
                            store.saveSnapshot(snapshot(n + 1, net));
                        }
                    }
                    store.updateOrder(order.withFilled(lot.multiply(BigDecimal.valueOf(FILLS_PER_ORDER)), new BigDecimal("64000.25"),
                            o % 100 == 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.FILLED, T0.plusMillis(o * 1000L)));
                }
            }
        }

        /** Deletes the file's directory. */
        @TearDown(Level.Trial)
        public void delete() {
            deleteTree(dir);
        }
    }

    /**
     * Records 10 000 audit events, then flushes them; JMH counts each event as one operation.
     *
     * @param journal the open journal of this thread
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS_PER_FLUSH)
    public void journalEvents(OpenJournal journal) {
        for (int i = 0; i < EVENTS_PER_FLUSH; i++) {
            long n = journal.counter++;
            journal.store.recordEvent(new AuditEvent(T0.plusMillis(n), "ORDER_PLACED", "strategy", "grid level filled",
                    "{\"level\":" + (n % 20) + ",\"price\":\"64000.25\"}"));
        }
        journal.store.flush();
    }

    /**
     * Writes one new order ahead of sending it: one synced commit.
     *
     * @param journal the open journal of this thread
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void writeAheadOrder(OpenJournal journal) {
        long n = journal.counter++;
        journal.store.writeAhead(order("wa-" + n, Side.BUY, n));
    }

    /**
     * Opens the file written at setup and loads the state a bot resumes from.
     *
     * @param bot the file with 100 000 fills
     * @return the loaded state, returned so that JMH keeps the work
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RecoveredState openAndLoad100kFills(BotWith100kFills bot) {
        try (SqliteStateStore store = StateStores.sqlite(bot.file)) {
            return StateLoader.load(store);
        }
    }

    private static Order order(String clientOrderId, Side side, long n) {
        OrderRequest request = new OrderRequest(clientOrderId, "BTCUSDT", side, OrderType.LIMIT, new BigDecimal("0.010"),
                Optional.of(new BigDecimal("64000.25").add(BigDecimal.valueOf(n % 50))), TimeInForce.GTC, false);
        return Order.pendingNew(request, "grid", T0.plusMillis(n));
    }

    private static BotSnapshot snapshot(long fillCount, BigDecimal net) {
        return new BotSnapshot(T0.plusMillis(fillCount * 100), BotState.RUNNING, Map.of("USDT", new BigDecimal("10000"),
                "BTC", net), List.of(new Position("BTCUSDT", net, new BigDecimal("64010"), BigDecimal.ZERO, BigDecimal.ZERO)),
                new BigDecimal("10000"), fillCount, Optional.of(T0), "{}");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
