package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A private stream's trust across reconnects, with a real executor thread running the resync. */
class ResyncGateTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final StreamEvents events = new StreamEvents();
    private final ResyncGate<String> gate = new ResyncGate<>(events, (message, raw) -> seen.add(message + (raw == null ? " (held)" : "")),
            () -> now.get());

    ResyncGateTest() {
        events.attach(event -> seen.add("resynced " + ((Event.ErrorRaised) event).message()));
    }

    private static Event resynced(String what) {
        return new Event.ErrorRaised("test", ErrorCategory.INTERNAL, what, "", Instant.EPOCH);
    }

    @Test
    void theFirstConnectionIsTrustedOnceSubscribedWithWhatCameBeforeHandledFirstInOrder() {
        assertThat(gate.opened()).isEqualTo(1);
        gate.offer("a", "raw a");
        gate.offer("b", "raw b");
        assertThat(seen).isEmpty();
        List<Integer> trusted = new CopyOnWriteArrayList<>();
        gate.subscribed(r -> { throw new AssertionError("the first connection needs no resync"); }, since -> List.of(), trusted::add);
        gate.offer("c", "raw c");
        assertThat(seen).containsExactly("a (held)", "b (held)", "c");
        assertThat(trusted).containsExactly(0);
        assertThat(gate.isTrusted()).isTrue();
    }

    @Test
    void afterADropTheResyncFromAMinuteBeforeItIsPostedBeforeTheHeldMessages() throws Exception {
        gate.opened();
        gate.subscribed(Runnable::run, since -> List.of(), n -> { });
        Instant dropped = now.get();
        gate.down();
        now.set(dropped.plusSeconds(30));
        gate.offer("lost?", "raw");
        assertThat(gate.opened()).isEqualTo(2);
        gate.offer("x", "raw x");
        AtomicReference<Instant> askedFrom = new AtomicReference<>();
        CountDownLatch trusted = new CountDownLatch(1);
        List<Integer> count = new CopyOnWriteArrayList<>();
        ExecutorService rest = Executors.newSingleThreadExecutor();
        try {
            gate.subscribed(rest, since -> {
                askedFrom.set(since);
                return List.of(resynced("fill 1"), resynced("order 1"));
            }, n -> {
                count.add(n);
                trusted.countDown();
            });
            assertThat(trusted.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            rest.shutdownNow();
        }
        gate.offer("y", "raw y");
        assertThat(askedFrom.get()).isEqualTo(dropped.minus(ResyncGate.RESYNC_MARGIN));
        assertThat(seen).containsExactly("resynced fill 1", "resynced order 1", "lost? (held)", "x (held)", "y");
        assertThat(count).containsExactly(2);
    }

    @Test
    void aDropDuringTheResyncLeavesTheTrustToTheNextConnectionWhichResyncsFromTheFirstDrop() throws Exception {
        gate.opened();
        gate.subscribed(Runnable::run, since -> List.of(), n -> { });
        Instant firstDrop = now.get();
        gate.down();
        gate.opened();
        gate.offer("m", "raw m");
        List<Integer> trusted = new CopyOnWriteArrayList<>();
        List<Instant> from = new CopyOnWriteArrayList<>();
        // the resync runs while the connection drops again and a third one opens
        gate.subscribed(Runnable::run, since -> {
            from.add(since);
            now.set(firstDrop.plusSeconds(5));
            gate.down();
            gate.opened();
            return List.of(resynced("first resync"));
        }, trusted::add);
        assertThat(gate.isTrusted()).isFalse();
        assertThat(trusted).isEmpty();
        gate.subscribed(Runnable::run, since -> {
            from.add(since);
            return List.of(resynced("second resync"));
        }, trusted::add);
        assertThat(gate.isTrusted()).isTrue();
        assertThat(from).containsExactly(firstDrop.minus(ResyncGate.RESYNC_MARGIN), firstDrop.minus(ResyncGate.RESYNC_MARGIN));
        assertThat(seen).containsExactly("resynced first resync", "resynced second resync", "m (held)");
        assertThat(trusted).containsExactly(1);
    }
}
