package io.tradekit.core.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadLoopTest {

    @Test
    void tasksFromSeveralThreadsRunOnTheLoopEachInTheOrderItsThreadPostedThem() throws Exception {
        ThreadLoop loop = new ThreadLoop("order", e -> { });
        loop.start();
        int producers = 4;
        int perProducer = 5_000;
        List<List<Integer>> seen = new ArrayList<>();
        for (int p = 0; p < producers; p++) seen.add(new ArrayList<>());
        AtomicInteger offLoop = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(producers * perProducer);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int n = i;
                    loop.execute(() -> {
                        if (!loop.inLoop()) offLoop.incrementAndGet();
                        seen.get(producer).add(n); // only the loop thread touches these lists
                        done.countDown();
                    });
                }
            }));
        }
        for (Thread t : threads) t.join();

        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(offLoop).hasValue(0);
        for (List<Integer> one : seen) assertThat(one).hasSize(perProducer).isSorted();
        loop.stop(5_000);
        assertThat(loop.isStopped()).isTrue();
    }

    @Test
    void aTaskPostedLongAfterTheLoopWentIdleIsRun() throws Exception {
        ThreadLoop loop = new ThreadLoop("parked", e -> { });
        loop.start();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        loop.execute(() -> {
            ran.add("first");
            first.countDown();
        });
        assertThat(first.await(60, TimeUnit.SECONDS)).isTrue();
        // long past any spin: the loop is parked by now, and the next task must wake it
        Thread.sleep(300);
        CountDownLatch second = new CountDownLatch(1);
        loop.execute(() -> {
            ran.add("second");
            second.countDown();
        });

        assertThat(second.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first", "second");
        loop.stop(5_000);
    }

    @Test
    void stopRunsWhatWasQueuedFirstAndAFailingTaskIsReportedWithoutEndingTheLoop() {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        ThreadLoop loop = new ThreadLoop("stop", failures::add);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        loop.execute(() -> {
            throw new IllegalStateException("task 0 failed");
        });
        for (int i = 1; i <= 100; i++) {
            int n = i;
            loop.execute(() -> ran.add(n));
        }
        loop.start();
        loop.stop(60_000);

        assertThat(loop.isStopped()).isTrue();
        assertThat(ran).hasSize(100).isSorted();
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("task 0 failed");
        assertThat(loop.isIdle()).isTrue();
    }
}
