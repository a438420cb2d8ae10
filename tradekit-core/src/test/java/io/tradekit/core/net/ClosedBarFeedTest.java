package io.tradekit.core.net;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Closed bars are posted once each, in order, with the bars missed while a stream was down fetched in between. */
class ClosedBarFeedTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Bar bar(int minute) {
        BigDecimal p = BigDecimal.valueOf(100 + minute);
        return new Bar("ETHUSDT", Timeframe.M1, T0.plusSeconds(60L * minute), p, p, p, p, BigDecimal.ONE);
    }

    /** REST as a test controls it: what a backfill returns, and live bars that arrive while it runs. */
    private final List<Bar> rest = new ArrayList<>();
    private final List<Bar> arrivingDuringBackfill = new ArrayList<>();
    private final List<Event> posted = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private ClosedBarFeed feed;
    /** How many recent closed bars the venue gives in one call. */
    private int recent = 1;
    private int restReads;
    /** Runs inside each REST read, before it answers. */
    private Runnable feedHook = () -> { };

    private ClosedBarFeed feed() {
        StreamEvents events = new StreamEvents();
        events.attach(posted::add);
        feed = new ClosedBarFeed("test", events, new ClosedBarFeed.Backfill() {
            @Override
            public List<Bar> closedBarsSince(String symbol, Timeframe timeframe, Instant from) {
                restReads++;
                feedHook.run();
                arrivingDuringBackfill.forEach(b -> feed.closed(b));
                return rest.stream().filter(b -> !b.openTime().isBefore(from)).toList();
            }

            @Override
            public List<Bar> recentClosed(String symbol, Timeframe timeframe) {
                restReads++;
                arrivingDuringBackfill.forEach(b -> feed.closed(b));
                return rest.subList(Math.max(0, rest.size() - recent), rest.size());
            }
        }, queued::add);
        return feed;
    }

    private void runQueued() {
        Runnable r;
        while ((r = queued.poll()) != null) r.run();
    }

    private List<Instant> postedOpenTimes() {
        return posted.stream().map(e -> ((Event.BarClosed) e).bar().openTime()).toList();
    }

    @Test
    void theFirstCatchUpPostsTheLastClosedBarThenLiveBarsFollowOnce() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        rest.addAll(List.of(bar(0), bar(1)));

        f.catchUpAll();
        runQueued();
        f.closed(bar(2));
        f.closed(bar(2));
        f.closed(bar(1));

        assertThat(postedOpenTimes()).containsExactly(bar(1).openTime(), bar(2).openTime());
    }

    @Test
    void barsMissedWhileDownAreFetchedAndLiveOnesArrivingMeanwhileAreHeldAndOrdered() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        f.closed(bar(0));
        rest.addAll(List.of(bar(0), bar(1), bar(2), bar(3)));
        arrivingDuringBackfill.add(bar(4));
        arrivingDuringBackfill.add(bar(3));

        f.catchUpAll();
        runQueued();

        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime(), bar(1).openTime(), bar(2).openTime(), bar(3).openTime(), bar(4).openTime());
    }

    @Test
    void aVenueThatGivesSeveralRecentBarsOnFirstOpenHasEachPostedOnceInOrderWithLiveOnesMeanwhile() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        recent = 3;
        rest.addAll(List.of(bar(0), bar(1), bar(2), bar(3)));
        arrivingDuringBackfill.add(bar(4));
        arrivingDuringBackfill.add(bar(3));

        f.catchUpAll();
        runQueued();
        f.closed(bar(4));

        assertThat(postedOpenTimes()).containsExactly(bar(1).openTime(), bar(2).openTime(), bar(3).openTime(), bar(4).openTime());
    }

    @Test
    void aLiveBarArrivingBeforeAQueuedCatchUpStartsIsHeldSoTheBarsMissedBeforeItAreStillFetched() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        f.closed(bar(0));
        rest.addAll(List.of(bar(0), bar(1), bar(2)));

        f.catchUpAll(); // queued on the executor, not started
        f.closed(bar(2));
        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime());
        runQueued();
        f.closed(bar(3));

        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime(), bar(1).openTime(), bar(2).openTime(), bar(3).openTime());
    }

    @Test
    void aCatchUpAskedForWhileOneRunsRunsAgainAfterItAndLiveBarsStayHeldBetween() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        f.closed(bar(0));
        rest.addAll(List.of(bar(0), bar(1)));
        List<Runnable> duringFirst = new ArrayList<>();
        duringFirst.add(f::catchUpAll); // a second drop while the first catch-up reads REST
        feedHook = () -> {
            duringFirst.forEach(Runnable::run);
            duringFirst.clear();
        };

        f.catchUpAll();
        queued.poll().run(); // posts bar 1; the second catch-up waits its turn
        rest.add(bar(2)); // closed after the first read
        f.closed(bar(3)); // live, before the second catch-up has run: held
        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime(), bar(1).openTime());
        runQueued();

        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime(), bar(1).openTime(), bar(2).openTime(), bar(3).openTime());
    }

    @Test
    void aCatchUpWaitsForTheVenuesAnswerToTheSubscriptionAndLiveBarsMeanwhileAreHeld() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        f.closed(bar(0));
        rest.addAll(List.of(bar(0), bar(1), bar(2)));

        f.opened();
        f.catchUpWhenAnswered(7, "ETHUSDT", Timeframe.M1);
        f.closed(bar(2)); // live, before the answer: posting it would leave bar 1 behind for good
        f.answered(99); // another request's answer
        runQueued();

        assertThat(restReads).as("REST reads before the venue answered the subscription").isZero();
        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime());

        f.answered(7);
        runQueued();
        f.answered(7);
        runQueued();
        f.closed(bar(3));

        assertThat(restReads).isEqualTo(1);
        assertThat(postedOpenTimes()).containsExactly(bar(0).openTime(), bar(1).openTime(), bar(2).openTime(), bar(3).openTime());
    }

    @Test
    void aRequestOfAnEarlierConnectionNeverAnsweredIsForgottenWhenTheStreamReopens() {
        ClosedBarFeed f = feed();
        f.follow("ETHUSDT", Timeframe.M1);
        f.closed(bar(0));
        rest.addAll(List.of(bar(0), bar(1)));

        f.catchUpAllWhenAnswered(3);
        f.opened();
        f.answered(3);
        runQueued();
        f.closed(bar(1));

        assertThat(restReads).isZero();
        assertThat(postedOpenTimes()).as("live bars flow again once the stale request is forgotten")
                .containsExactly(bar(0).openTime(), bar(1).openTime());
    }

    @Test
    void barsOfASymbolNotFollowedAreIgnored() {
        ClosedBarFeed f = feed();

        f.closed(bar(0));

        assertThat(posted).isEmpty();
    }
}
