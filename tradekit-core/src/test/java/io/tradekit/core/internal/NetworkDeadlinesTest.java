package io.tradekit.core.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Wall-clock deadlines on real loop threads and the shared ticker thread. */
class NetworkDeadlinesTest {

    private final List<ThreadLoop> loops = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopLoops() {
        loops.forEach(l -> l.stop(5_000));
    }

    private ThreadLoop loop(String name) {
        ThreadLoop loop = new ThreadLoop(name, e -> { });
        loop.start();
        loops.add(loop);
        return loop;
    }

    /** Runs {@code action} on the loop and waits for its result. */
    private static <T> T onLoop(ThreadLoop loop, Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(action.get()));
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDeadlineRunsOnItsLoopOnceItsWallTimeHasPassedAndNotBefore() throws Exception {
        ThreadLoop loop = loop("deadline");
        try (NetworkDeadlines deadlines = NetworkDeadlines.wallClock(loop)) {
            CountDownLatch ran = new CountDownLatch(1);
            List<Boolean> onLoop = new CopyOnWriteArrayList<>();
            long[] ranAt = new long[1];
            long set = onLoop(loop, () -> {
                deadlines.after(Duration.ofMillis(300), () -> {
                    ranAt[0] = System.nanoTime();
                    onLoop.add(loop.inLoop());
                    ran.countDown();
                });
                return System.nanoTime();
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(onLoop).containsExactly(true);
            assertThat(Duration.ofNanos(ranAt[0] - set)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aCancelledDeadlineNeverRunsAndTheOthersRunInTheOrderTheyFallDue() throws Exception {
        ThreadLoop loop = loop("cancel");
        try (NetworkDeadlines deadlines = NetworkDeadlines.wallClock(loop)) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch last = new CountDownLatch(1);
            onLoop(loop, () -> {
                deadlines.after(Duration.ofMillis(400), () -> {
                    ran.add("c");
                    last.countDown();
                });
                NetworkDeadlines.Deadline answered = deadlines.after(Duration.ofMillis(100), () -> ran.add("answered in time"));
                deadlines.after(Duration.ofMillis(150), () -> ran.add("b"));
                deadlines.after(Duration.ofMillis(50), () -> ran.add("a"));
                answered.cancel();
                return null;
            });
            assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
            // anything still waiting would have run by now: the cancelled one is gone, not late
            Thread.sleep(200);
            assertThat(ran).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aDeadlineSetWhileAnotherRunsIsKeptAndEachBotsDeadlinesRunOnItsOwnLoop() throws Exception {
        ThreadLoop first = loop("first");
        ThreadLoop second = loop("second");
        try (NetworkDeadlines one = NetworkDeadlines.wallClock(first); NetworkDeadlines two = NetworkDeadlines.wallClock(second)) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(2);
            onLoop(first, () -> one.after(Duration.ofMillis(60), () -> {
                ran.add("first on " + Thread.currentThread().getName());
                // a follow-up set from a deadline's own work, as a lookup that schedules the next one
                one.after(Duration.ofMillis(60), () -> {
                    ran.add("follow-up on " + Thread.currentThread().getName());
                    done.countDown();
                });
            }));
            onLoop(second, () -> two.after(Duration.ofMillis(30), () -> {
                ran.add("second on " + Thread.currentThread().getName());
                done.countDown();
            }));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("second on tradekit-loop-second", "first on tradekit-loop-first",
                    "follow-up on tradekit-loop-first");
        }
    }

    @Test
    void aClosedBotsDeadlinesNeverRunAndItSetsNoMore() throws Exception {
        ThreadLoop loop = loop("closed");
        List<String> ran = new CopyOnWriteArrayList<>();
        NetworkDeadlines deadlines = NetworkDeadlines.wallClock(loop);
        onLoop(loop, () -> deadlines.after(Duration.ofMillis(100), () -> ran.add("set before the close")));
        deadlines.close();
        onLoop(loop, () -> deadlines.after(Duration.ofMillis(1), () -> ran.add("set after the close")));
        // the ticker keeps running for another bot meanwhile
        ThreadLoop other = loop("other");
        try (NetworkDeadlines others = NetworkDeadlines.wallClock(other)) {
            CountDownLatch ticked = new CountDownLatch(1);
            onLoop(other, () -> others.after(Duration.ofMillis(300), ticked::countDown));
            assertThat(ticked.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void inlineDeadlinesQueueTheirWorkOnTheLoopAtOnce() throws Exception {
        ThreadLoop loop = loop("inline");
        NetworkDeadlines deadlines = NetworkDeadlines.inline(loop);
        assertThat(deadlines.onWallClock()).isFalse();
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        onLoop(loop, () -> deadlines.after(Duration.ofDays(1), ran::countDown));
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
