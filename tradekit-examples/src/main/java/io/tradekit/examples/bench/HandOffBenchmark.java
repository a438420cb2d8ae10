package io.tradekit.examples.bench;

import io.tradekit.core.internal.ThreadLoop;
import io.tradekit.core.internal.VenueCalls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floors under the frame-to-signed-order benchmarks: the thread hand-offs of the product's path with no work in
 * them. A stream thread posts a task to a bot's loop ({@link ThreadLoop}: a short adaptive spin, then parked while
 * idle); {@link #streamToLoop} times that hand-off alone, the floor of any path that keeps a bot's state on one loop
 * thread, and the only one on the path of an adapter that sends an order without blocking (Binance's, Bybit's). With
 * one that only blocks (the Kraken adapter), the loop then hands the call off itself ({@link VenueCalls}: its warm
 * caller thread, or a virtual thread when that one is busy), which marks it done; {@link #streamToLoopToVenueCall}
 * times both. Each hand-off that finds its thread parked pays a wake-up. JMH
 * samples each round trip and reports its distribution in microseconds. The state is one loop and its venue-call
 * executor, started once per trial, and a counter of the calls that have run.
 *
 * <pre>{@code java -cp tradekit-examples/target/tradekit.jar org.openjdk.jmh.Main HandOffBenchmark}</pre>
 */
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class HandOffBenchmark {

    private ThreadLoop loop;
    private VenueCalls calls;
    private final AtomicLong done = new AtomicLong();

    /** Created by JMH for each trial. */
    public HandOffBenchmark() {
    }

    /** Starts the loop thread and its live venue-call executor, once per trial. */
    @Setup(Level.Trial)
    public void start() {
        loop = new ThreadLoop("handoff", e -> { });
        loop.start();
        calls = VenueCalls.live(loop, "handoff");
    }

    /** Closes the venue-call executor and stops the loop, waiting up to one second for its thread. */
    @TearDown(Level.Trial)
    public void stop() {
        calls.close();
        loop.stop(1_000);
    }

    /**
     * Before each hand-off (not timed): the previous call's outcome has been handled and the loop is idle. It has been
     * idle only briefly, so it is usually still in its spin, and a thread parks only when a hand-off comes late.
     */
    @Setup(Level.Invocation)
    public void loopIdle() {
        while (!loop.isIdle()) Thread.onSpinWait();
    }

    /**
     * Stream thread to loop to venue-call thread, and back when the call ran: the benchmark thread posts a task
     * to the loop, the task hands an empty venue call to {@link VenueCalls}, and the benchmark thread spins until
     * that call has counted itself done.
     *
     * @return how many calls have run, so that JMH keeps the work
     */
    @Benchmark
    public long streamToLoopToVenueCall() {
        long target = done.get() + 1;
        loop.execute(() -> calls.call(done::incrementAndGet, (count, failure) -> { }));
        while (done.get() < target) Thread.onSpinWait();
        return target;
    }

    /**
     * Stream thread to loop only, and back when the loop ran the task: the one hand-off that any bot with a loop thread
     * for its state pays, whatever it does after it. {@link #streamToLoopToVenueCall} minus this is what handing the
     * venue call off the loop costs. Tasks come back to back here, so the loop is mostly still spinning when the next
     * arrives: this is the hand-off's floor. A live bot's loop, idle for a whole bar before a closed bar arrives, is
     * parked then and pays a wake-up on top.
     *
     * @return how many tasks have run, so that JMH keeps the work
     */
    @Benchmark
    public long streamToLoop() {
        long target = done.get() + 1;
        loop.execute(done::incrementAndGet);
        while (done.get() < target) Thread.onSpinWait();
        return target;
    }
}
