package io.tradekit.examples.bench;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.strategies.SmaCross;
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
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bars per second over the same {@value #BARS} generated bars (a seeded random walk), in one run:
 * <ul>
 *   <li>{@code engineIdle}: the full tradekit backtest engine with a strategy that does nothing;</li>
 *   <li>{@code engineSmaCross}: the engine running {@code sma-cross} (10/30): indicators, signals, sizing,
 *       orders, paper fills, portfolio;</li>
 *   <li>{@code ta4jDecimalNum} and {@code ta4jDoubleNum}: ta4j's own {@link BarSeriesManager} running the same
 *       SMA crossover rules, on a series built with ta4j's default number type and with {@code DoubleNum}
 *       (the type the engine's indicator series uses), so that the comparison is like for like.</li>
 * </ul>
 * Each invocation runs all the bars; the score is bars per second. The engine keeps no equity curve
 * (as a report-less run would); ta4j's series is built once in setup, the engine builds its own.
 *
 * <p>The heap is fixed and its pages are touched at start ({@code -XX:+AlwaysPreTouch}), as a long-running host's
 * heap is. Without that, an idle run allocates so little that the whole measurement happens in the heap's first
 * pass, every fresh page faulted in and zeroed by the kernel: the no-op engine then scored 5.5 M bars/s for its
 * first iterations and 9.3 M once the heap had been touched, in one fork (measured 2026-12-04).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EngineBenchmark.BARS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class EngineBenchmark {

    /** How many one-minute bars each invocation runs through (1 000 000); the score counts them as operations. */
    public static final int BARS = 1_000_000;
    static final long SEED = 20240601L;
    static final int FAST = 10;
    static final int SLOW = 30;

    /** Created by JMH for each trial. */
    public EngineBenchmark() {
    }

    /** The generated bars, shared by every benchmark of a run. */
    @State(Scope.Benchmark)
    public static class GeneratedBars {
        List<Bar> bars;

        /** Created by JMH once per trial. */
        public GeneratedBars() {
        }

        /** Generates the {@value EngineBenchmark#BARS} {@code BTC-USD} one-minute bars from a fixed seed, once per trial. */
        @Setup(Level.Trial)
        public void generate() {
            bars = RandomWalkBars.generate("BTC-USD", Timeframe.M1, BARS, SEED);
        }
    }

    /** The bars as a ta4j series with ta4j's default number type, {@code DecimalNum}. */
    @State(Scope.Benchmark)
    public static class DecimalNumSeries {
        BarSeries series;

        /** Created by JMH once per trial. */
        public DecimalNumSeries() {
        }

        /**
         * Builds the series once per trial.
         *
         * @param generated the bars to copy into the series
         * @throws IllegalStateException if ta4j's default number type is no longer {@code DecimalNum}, which
         *                               would make this benchmark measure something else than it says
         */
        @Setup(Level.Trial)
        public void build(GeneratedBars generated) {
            series = ta4jSeries(generated.bars, null);
            if (!(series.numFactory() instanceof DecimalNumFactory)) {
                throw new IllegalStateException("ta4j's default number type is no longer DecimalNum but " + series.numFactory());
            }
        }
    }

    /** The bars as a ta4j series of {@code DoubleNum}. */
    @State(Scope.Benchmark)
    public static class DoubleNumSeries {
        BarSeries series;

        /** Created by JMH once per trial. */
        public DoubleNumSeries() {
        }

        /**
         * Builds the series once per trial.
         *
         * @param generated the bars to copy into the series
         */
        @Setup(Level.Trial)
        public void build(GeneratedBars generated) {
            series = ta4jSeries(generated.bars, DoubleNumFactory.getInstance());
        }
    }

    /**
     * The engine's own cost: a backtest over all the bars with a strategy that never trades.
     *
     * @param generated the bars
     * @return the backtest's result, so that JMH keeps the work
     */
    @Benchmark
    public BacktestResult engineIdle(GeneratedBars generated) {
        return TradeKit.backtest().bars(generated.bars).strategy(new Idle()).keepEquityCurve(false).run();
    }

    /**
     * A backtest over all the bars running {@link SmaCross} (10/30) with the engine's sizing,
     * paper fills and portfolio.
     *
     * @param generated the bars
     * @return the backtest's result, so that JMH keeps the work
     */
    @Benchmark
    public BacktestResult engineSmaCross(GeneratedBars generated) {
        return TradeKit.backtest().bars(generated.bars).strategy(new SmaCross(FAST, SLOW)).keepEquityCurve(false).run();
    }

    /**
     * ta4j's {@link BarSeriesManager} running the same 10/30 SMA crossover over the {@code DecimalNum} series.
     *
     * @param s the series, built once per trial outside the timing
     * @return ta4j's record of the trades, so that JMH keeps the work
     */
    @Benchmark
    public TradingRecord ta4jDecimalNum(DecimalNumSeries s) {
        return smaCrossOnTa4j(s.series);
    }

    /**
     * ta4j's {@link BarSeriesManager} running the same 10/30 SMA crossover over the {@code DoubleNum} series.
     *
     * @param s the series, built once per trial outside the timing
     * @return ta4j's record of the trades, so that JMH keeps the work
     */
    @Benchmark
    public TradingRecord ta4jDoubleNum(DoubleNumSeries s) {
        return smaCrossOnTa4j(s.series);
    }

    /** The same rules as {@link SmaCross}, with fresh indicators so that no cached value carries over. */
    static TradingRecord smaCrossOnTa4j(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, FAST);
        SMAIndicator slow = new SMAIndicator(close, SLOW);
        BaseStrategy strategy = new BaseStrategy("sma-cross", new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), SLOW);
        return new BarSeriesManager(series).run(strategy);
    }

    /** A ta4j series of the bars; {@code numFactory} null means ta4j's default. */
    static BarSeries ta4jSeries(List<Bar> bars, NumFactory numFactory) {
        BaseBarSeriesBuilder builder = new BaseBarSeriesBuilder().withName("random-walk");
        if (numFactory != null) builder.withNumFactory(numFactory);
        BarSeries series = builder.build();
        for (Bar bar : bars) {
            series.barBuilder().timePeriod(bar.timeframe().duration()).endTime(bar.closeTime())
                    .openPrice(bar.open()).highPrice(bar.high()).lowPrice(bar.low()).closePrice(bar.close()).volume(bar.volume())
                    .add();
        }
        return series;
    }

    /** A strategy that never trades: what the engine costs by itself. */
    static final class Idle implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
        }
    }
}
