package io.tradekit.core.net;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An adapter's stream events reach the engine's sink whole and in order, also those that arrived before it connected. */
class StreamEventsTest {

    @Test
    void eventsPostedBeforeTheSinkIsAttachedReachItFirstAndInOrder() {
        StreamEvents events = new StreamEvents();
        events.error("s", ErrorCategory.MALFORMED_DATA, "first", "{");
        events.error("s", ErrorCategory.MALFORMED_DATA, "second", "[");
        List<String> heard = new CopyOnWriteArrayList<>();
        events.attach(e -> heard.add(((Event.ErrorRaised) e).message()));
        events.error("s", ErrorCategory.MALFORMED_DATA, "third", "}");

        assertThat(heard).containsExactly("first", "second", "third");
    }

    @Test
    void beyondWhatIsHeldBeforeAttachTheLostEventsAreCountedInAnError() {
        StreamEvents events = new StreamEvents();
        for (int i = 0; i < StreamEvents.HELD_BEFORE_ATTACH + 5; i++) events.error("s", ErrorCategory.MALFORMED_DATA, "e" + i, "");
        List<Event.ErrorRaised> heard = new CopyOnWriteArrayList<>();
        events.attach(e -> heard.add((Event.ErrorRaised) e));

        assertThat(heard).hasSize(StreamEvents.HELD_BEFORE_ATTACH + 1);
        assertThat(heard.get(0).message()).isEqualTo("e0");
        assertThat(heard.getLast().category()).isEqualTo(ErrorCategory.INTERNAL);
        assertThat(heard.getLast().message()).startsWith("5 event(s) arrived before the bot connected");
    }

    @Test
    void anEventPostedWhileTheSinkIsBeingAttachedComesAfterTheHeldOnes() throws Exception {
        StreamEvents events = new StreamEvents();
        events.error("s", ErrorCategory.MALFORMED_DATA, "held", "");
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch attaching = new CountDownLatch(1);
        CountDownLatch posted = new CountDownLatch(1);
        Thread io = new Thread(() -> {
            try {
                assertThat(attaching.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.error("s", ErrorCategory.MALFORMED_DATA, "during", "");
            posted.countDown();
        });
        io.start();
        events.attach(e -> {
            String message = ((Event.ErrorRaised) e).message();
            heard.add(message);
            if (message.equals("held")) {
                attaching.countDown();
                try {
                    // the I/O thread's post waits for the attach to finish: it cannot overtake the held event
                    assertThat(posted.await(200, TimeUnit.MILLISECONDS)).isFalse();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertThat(posted.await(10, TimeUnit.SECONDS)).isTrue();
        io.join();
        assertThat(heard).containsExactly("held", "during");
    }
}
