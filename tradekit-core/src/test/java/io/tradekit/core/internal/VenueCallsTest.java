package io.tradekit.core.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class VenueCallsTest {

    @Test
    void aCallThatHangsDoesNotHoldUpTheNextAndEachOutcomeComesBackOnTheLoop() throws Exception {
        ThreadLoop loop = new ThreadLoop("calls", e -> { });
        loop.start();
        VenueCalls calls = VenueCalls.live(loop, "calls");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondBack = new CountDownLatch(1);
        CountDownLatch firstBack = new CountDownLatch(1);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        List<String> callThreads = new CopyOnWriteArrayList<>();
        try {
            loop.execute(() -> calls.call(() -> {
                callThreads.add(Thread.currentThread().getName());
                try {
                    // the venue answers only once the second call has come back
                    return release.await(60, TimeUnit.SECONDS) ? "first" : "first, never released";
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, (result, failure) -> {
                outcomes.add(result + (loop.inLoop() ? " on the loop" : " off the loop"));
                firstBack.countDown();
            }));
            loop.execute(() -> calls.call(() -> {
                callThreads.add(Thread.currentThread().getName());
                throw new IllegalStateException("refused");
            }, (result, failure) -> {
                outcomes.add(failure.getMessage() + (loop.inLoop() ? " on the loop" : " off the loop"));
                secondBack.countDown();
            }));

            assertThat(secondBack.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.isIdle()).as("the first call is still out").isFalse();
            release.countDown();
            assertThat(firstBack.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(outcomes).containsExactly("refused on the loop", "first on the loop");
            assertThat(callThreads).hasSize(2).doesNotHaveDuplicates().noneMatch(name -> name.startsWith("tradekit-loop"));
        } finally {
            calls.close();
            loop.stop(5_000);
        }
    }

    @Test
    void callsOneAfterAnotherAllComeBack() throws Exception {
        ThreadLoop loop = new ThreadLoop("serial", e -> { });
        loop.start();
        VenueCalls calls = VenueCalls.live(loop, "serial");
        int count = 2_000;
        CountDownLatch back = new CountDownLatch(count);
        List<Integer> results = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                loop.execute(() -> calls.call(() -> n * 2, (result, failure) -> {
                    results.add(result);
                    back.countDown();
                }));
            }
            assertThat(back.await(60, TimeUnit.SECONDS)).isTrue();
            // each call doubles its number: 0, 2, .., 3998, each exactly once
            assertThat(results).hasSize(count).doesNotHaveDuplicates().allMatch(r -> r % 2 == 0 && r < 2 * count);
            assertThat(calls.inFlight()).isZero();
        } finally {
            calls.close();
            loop.stop(5_000);
        }
    }

    /**
     * A burst of calls made in one loop task, the first of them slow (a venue taking its time): on a data clock they reach
     * the venue in the order they were made, and come back in that order; live calls run side by side and overtake it.
     */
    @Test
    void orderedCallsReachTheVenueInTheOrderTheLoopMadeThemWhileLiveOnesOvertakeASlowOne() throws Exception {
        assertThat(venueOrderOfABurst(true)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(venueOrderOfABurst(false)).as("live calls: the slow first call is overtaken")
                .hasSize(20).first().isNotEqualTo(0);
    }

    private static List<Integer> venueOrderOfABurst(boolean ordered) throws Exception {
        ThreadLoop loop = new ThreadLoop("burst", e -> { });
        loop.start();
        VenueCalls calls = ordered ? VenueCalls.ordered(loop, "burst") : VenueCalls.live(loop, "burst");
        List<Integer> atVenue = new CopyOnWriteArrayList<>();
        List<Integer> back = new CopyOnWriteArrayList<>();
        CountDownLatch allBack = new CountDownLatch(20);
        try {
            loop.execute(() -> {
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    calls.call(() -> {
                        if (n == 0) sleep(200);
                        atVenue.add(n);
                        return n;
                    }, (result, failure) -> {
                        back.add(result);
                        allBack.countDown();
                    });
                }
            });
            assertThat(allBack.await(60, TimeUnit.SECONDS)).isTrue();
            if (ordered) assertThat(back).as("outcomes back on the loop").isEqualTo(atVenue);
            assertThat(calls.inFlight()).isZero();
            return atVenue;
        } finally {
            calls.close();
            loop.stop(5_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
