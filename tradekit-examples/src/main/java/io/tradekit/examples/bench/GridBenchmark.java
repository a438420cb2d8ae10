package io.tradekit.examples.bench;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.grid.GridLadder;
import io.tradekit.grid.GridPlan;
import io.tradekit.grid.GridSettings;
import io.tradekit.grid.GridStrategy;
import io.tradekit.grid.RebalanceMode;
import io.tradekit.grid.Rebalancing;
import io.tradekit.grid.SizeMode;
import io.tradekit.grid.SpacingMode;
import io.tradekit.grid.SpacingUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The grid's speed. Targets: planning one price update on a 200-level grid in at most 1 µs, and a dense grid
 * backtest over 1 M bars at 1 M bars/s or more. {@code planPerPriceUpdate} and {@code planAndVisitEveryOrder}
 * report the average time per price update in nanoseconds; {@code gridBacktestBarsPerSecond} reports bars per
 * second over a million generated one-minute bars, once per {@code spacing} parameter, in a JVM with the default
 * collector (G1), and {@code gridBacktestParallelGcBarsPerSecond} the same with the parallel collector.
 *
 * <p>The two backtest benchmarks run in a fixed 4 GB heap whose pages are touched at start ({@code -Xms4g -Xmx4g
 * -XX:+AlwaysPreTouch}), as a long-running host's heap is. A dense run keeps some 200 000 orders and fills alive to
 * its end, so in a heap that starts small and grows, every invocation first faults in fresh pages that the kernel
 * must zero; that cost, not the engine's, then sets the score and makes it swing by half from one iteration to the
 * next. ({@link EngineBenchmark} runs in a fixed heap too.)
 *
 * <pre>
 * mvn -q -o -pl tradekit-examples -am compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp tradekit-examples/target/classes:$(cat tradekit-examples/cp.txt) org.openjdk.jmh.Main GridBenchmark -f 1 -wi 2 -i 3 -r 2 -w 2
 * </pre>
 */
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class GridBenchmark {

    static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
            new BigDecimal("0.00001"), new BigDecimal("5"));
    static final int BARS = 1_000_000;

    /** Created by JMH for each trial. */
    public GridBenchmark() {
    }

    /** A 200-level grid (100 a side, geometric 0.1 %) around 50 000 and prices that wander across it. */
    @State(Scope.Thread)
    public static class Planning {
        GridLadder ladder;
        BigDecimal[] prices;
        int next;

        /** Created by JMH for each benchmark thread. */
        public Planning() {
        }

        /**
         * Builds the ladder (0.001 BTC a level, maker/taker fees of 2 and 5 basis points) and 4096 prices drawn
         * uniformly between its lowest and highest level from a fixed seed, once per trial.
         */
        @Setup
        public void setUp() {
            ladder = GridLadder.build(GridSettings.builder().center(new BigDecimal("50000")).spacing(new BigDecimal("0.1"), SpacingUnit.PERCENT)
                    .spacingMode(SpacingMode.GEOMETRIC).levels(100).sizePerLevel(new BigDecimal("0.001")).sizeMode(SizeMode.BASE)
                    .fees(new BigDecimal("2"), new BigDecimal("5")).build(), BTC);
            Random random = new Random(7);
            prices = new BigDecimal[4096];
            double low = ladder.lowest().doubleValue();
            double high = ladder.highest().doubleValue();
            for (int i = 0; i < prices.length; i++) {
                prices[i] = BigDecimal.valueOf(low + (high - low) * random.nextDouble()).setScale(2, RoundingMode.HALF_EVEN);
            }
        }

        BigDecimal nextPrice() {
            next = (next + 1) & (prices.length - 1);
            return prices[next];
        }
    }

    /**
     * Where the orders go for one price: the level the price sits on, by binary search over the 201 levels.
     *
     * @param s the ladder and the next price to plan for
     * @return the plan, so that JMH keeps the work
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public GridPlan planPerPriceUpdate(Planning s) {
        return s.ladder.plan(s.nextPrice());
    }

    /**
     * The plan and every order it implies: side, price and quantity of all 200 orders.
     *
     * @param s  the ladder and the next price to plan for
     * @param bh JMH's sink for each order's side, price and quantity
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void planAndVisitEveryOrder(Planning s, Blackhole bh) {
        GridPlan plan = s.ladder.plan(s.nextPrice());
        GridLadder ladder = s.ladder;
        for (int level = 0; level < plan.levelCount(); level++) {
            Optional<Side> side = plan.sideAt(level);
            if (side.isEmpty()) continue;
            bh.consume(side.get());
            bh.consume(ladder.price(level));
            bh.consume(ladder.quantity(side.get() == Side.BUY ? level : level - 1));
        }
    }

    /**
     * A seeded random walk of 1 M one-minute bars around 50 000 (0.1 % a bar), and the grid's spacing in
     * percent: 0.2 trades densely (about 190 000 fills), 1.0 sparsely (far fewer), on the same 40 levels.
     */
    @State(Scope.Benchmark)
    public static class MillionBars {
        List<Bar> bars;

        @Param({"0.2", "1.0"})
        String spacing;

        /** Created by JMH once per trial. */
        public MillionBars() {
        }

        /** Generates the million bars from a fixed seed, once per trial (per {@code spacing}). */
        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(42);
            List<Bar> out = new ArrayList<>(BARS);
            Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
            double price = 50_000;
            BigDecimal prev = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN);
            for (int i = 0; i < BARS; i++) {
                // Mean-reverting around 50 000 so the grid keeps trading instead of drifting away for good.
                price *= Math.exp(0.001 * random.nextGaussian() - 0.0005 * Math.log(price / 50_000));
                BigDecimal close = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal wiggle = BigDecimal.valueOf(price * 0.0003).setScale(2, RoundingMode.HALF_EVEN);
                out.add(new Bar("BTCUSDT", Timeframe.M1, t0.plusSeconds(60L * i), prev, prev.max(close).add(wiggle),
                        prev.min(close).subtract(wiggle), close, BigDecimal.ONE));
                prev = close;
            }
            bars = List.copyOf(out); // unmodifiable: the backtest then keeps it instead of copying a million bars per run
        }
    }

    /**
     * A 40-level post-only recentering grid (20 a side, 0.01 BTC a level, fees of 2 and 5 basis points, 1 000 000
     * USDT of cash) through the whole backtest engine and paper exchange, over all the bars.
     *
     * @param s the bars and the grid's spacing in percent
     * @return the backtest's result, so that JMH keeps the work
     * @throws IllegalStateException if the grid never completed a round trip, which would make the number meaningless
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BARS)
    @Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
    public BacktestResult gridBacktestBarsPerSecond(MillionBars s) {
        return gridBacktest(s);
    }

    /**
     * {@link #gridBacktestBarsPerSecond} in a JVM with the parallel (throughput) collector instead of the default G1:
     * a backtest keeps every order, fill and round trip of its result alive to its end, which G1's young collections
     * copy again and again; a batch job that wants its answer soonest, not its pauses shortest, runs faster on it.
     *
     * @param s the bars and the grid's spacing in percent
     * @return the backtest's result, so that JMH keeps the work
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BARS)
    @Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch",
            "-XX:+UseParallelGC"})
    public BacktestResult gridBacktestParallelGcBarsPerSecond(MillionBars s) {
        return gridBacktest(s);
    }

    private static BacktestResult gridBacktest(MillionBars s) {
        GridStrategy grid = new GridStrategy(GridSettings.builder().spacing(new BigDecimal(s.spacing), SpacingUnit.PERCENT).levels(20)
                .sizePerLevel(new BigDecimal("0.01")).sizeMode(SizeMode.BASE).fees(new BigDecimal("2"), new BigDecimal("5"))
                .rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 60)).build());
        BacktestResult r = TradeKit.backtest().bars(s.bars).instrument(BTC).strategy(grid).cash(new BigDecimal("1000000"))
                .fees(new BigDecimal("2"), new BigDecimal("5")).keepEquityCurve(false).run();
        if (grid.stats().roundTrips() == 0) throw new IllegalStateException("the benchmark grid never traded");
        return r;
    }
}
