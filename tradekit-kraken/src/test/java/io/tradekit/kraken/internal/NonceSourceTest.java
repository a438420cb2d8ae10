package io.tradekit.kraken.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class NonceSourceTest {

    @TempDir
    Path dir;

    @Test
    void nonceStaysAboveTheLastOneAfterARestartEvenWhenTheClockWentBack() {
        Path file = dir.resolve("nonce");
        long first = new NonceSource(file, InstantSource.fixed(Instant.ofEpochMilli(5_000_000))).next();
        // a new process whose clock is an hour behind
        long second = new NonceSource(file, InstantSource.fixed(Instant.ofEpochMilli(5_000_000 - 3_600_000))).next();

        assertThat(first).isEqualTo(5_000_000);
        assertThat(second).isEqualTo(5_000_001);
    }

    @Test
    void twoSourcesOnOneFileNeverHandOutTheSameNonce() throws Exception {
        Path file = dir.resolve("shared");
        InstantSource frozen = InstantSource.fixed(Instant.ofEpochMilli(1_000));
        NonceSource a = new NonceSource(file, frozen);
        NonceSource b = new NonceSource(file, frozen);
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            NonceSource s = t % 2 == 0 ? a : b;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 50; i++) taken.add(s.next());
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join();

        Set<Long> distinct = new TreeSet<>(taken);
        assertThat(distinct).hasSize(400);
        assertThat(Files.readString(file).strip()).isEqualTo(Long.toString(((TreeSet<Long>) distinct).last()));
    }

    @Test
    void jumpAheadMovesPastTheMark() {
        NonceSource s = new NonceSource(dir.resolve("jump"), InstantSource.fixed(Instant.ofEpochMilli(10)));
        long before = s.next();

        assertThat(s.jumpAhead(1_000)).isEqualTo(before + 1_001);
        assertThat(s.next()).isEqualTo(before + 1_002);
    }
}
