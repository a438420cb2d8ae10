package io.tradekit.conformance;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.api.spi.ExchangeAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming half of the contract: closed bars only and each once, reconnect with backoff and jitter
 * under every kind of refusal at a bounded rate, resubscription and REST catch-up after a drop (read only once the
 * venue follows the new connection, so that no bar falls between the two), a
 * silent stream detected, malformed and oversized messages (and a venue ticker priced beyond any use) turned into
 * error events with the stream going on. Subclass it in the adapter's tests with a {@link VenueHarness}.
 */
public abstract class StreamConformance extends ConformanceSupport {

    /** How late a venue under load follows a new market-data connection, in the test of the catch-up after a drop. */
    private static final Duration FOLLOWED_LATE = Duration.ofMillis(500);

    /** For a venue's test class, which extends this kit and supplies its harness. */
    protected StreamConformance() {
    }

    /** An adapter connected to {@code log}, following the harness's bars, with every stream up. */
    private ExchangeAdapter following(EventLog log) {
        ExchangeAdapter a = adapter();
        a.subscribeBars(venue.symbol(), venue.timeframe());
        a.connect(log);
        for (String stream : venue.streams()) awaitConnected(log, stream, 1);
        return a;
    }

    private static List<Bar> bars(EventLog log) {
        return log.all(Event.BarClosed.class, b -> true).stream().map(Event.BarClosed::bar).toList();
    }

    /** Waits until the bar that opened at {@code open} has been posted. */
    private static void awaitBar(EventLog log, Instant open) {
        log.await("a closed bar opening at " + open, Event.BarClosed.class, b -> b.bar().openTime().equals(open), PATIENCE);
    }

    private static void assertEachBarOnceInOrder(List<Bar> posted) {
        Set<Instant> seen = new HashSet<>();
        for (Bar b : posted) assertThat(seen.add(b.openTime())).as("bar %s posted once", b.openTime()).isTrue();
        assertThat(posted).extracting(Bar::openTime).as("bars in open-time order").isSorted();
    }

    @Test
    void onlyClosedBarsArePostedEachOnceInOrder() {
        EventLog log = new EventLog();
        following(log);
        for (int i = 0; i < 3; i++) {
            venue.closeNextBar();
            awaitBar(log, venue.closedBars().getLast().openTime());
        }
        List<Bar> truth = venue.closedBars();
        List<Bar> posted = bars(log);
        assertEachBarOnceInOrder(posted);
        for (Bar b : posted) {
            Bar real = truth.stream().filter(t -> t.openTime().equals(b.openTime())).findFirst()
                    .orElseThrow(() -> new AssertionError("bar " + b.openTime() + " was posted but the venue never closed it"));
            assertThat(b.close()).as("close of bar %s (a bar still forming posted as closed?)", b.openTime()).isEqualByComparingTo(real.close());
            assertThat(b.high()).as("high of bar %s", b.openTime()).isEqualByComparingTo(real.high());
        }
    }

    @Test
    void afterADropStreamsResubscribeAndBarsMissedMeanwhileArriveOnce() {
        EventLog log = new EventLog();
        following(log);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
        fault(venue.faults()::dropConnections);
        venue.closeNextBar(); // closes while the connection is down or coming back
        for (String stream : venue.streams()) awaitConnected(log, stream, 2);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
        Instant missed = venue.closedBars().get(venue.closedBars().size() - 2).openTime();
        awaitBar(log, missed);
        assertEachBarOnceInOrder(bars(log));
    }

    @Test
    void afterADropBarsAreReadOverRestOnlyOnceTheVenueFollowsTheNewConnection() {
        EventLog log = new EventLog();
        following(log);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
        int before = faultCount(() -> venue.faults().barHistoryReadsWhileUnfollowed());
        fault(() -> venue.faults().followNewMarketConnectionsAfter(FOLLOWED_LATE));
        try {
            fault(venue.faults()::dropConnections);
            venue.closeNextBar(); // closes while the connection is down or coming back
            for (String stream : venue.streams()) awaitConnected(log, stream, 2);
            venue.closeNextBar(); // closes before the venue follows the new connection, or just after
            awaitBar(log, venue.closedBars().getLast().openTime());
            awaitBar(log, venue.closedBars().get(venue.closedBars().size() - 2).openTime());
            assertThat(venue.faults().barHistoryReadsWhileUnfollowed() - before)
                    .as("bar history read over REST before the venue followed the new connection: a bar closing between the read "
                            + "and the venue's first message is in neither; read it once the venue has answered the subscription")
                    .isZero();
            assertEachBarOnceInOrder(bars(log));
        } finally {
            venue.faults().followNewMarketConnectionsAfter(Duration.ZERO);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(VenueFaults.Refusal.class)
    void underARefusalStreamsBackOffAreReportedDownAndComeBack(VenueFaults.Refusal refusal) {
        EventLog log = new EventLog();
        following(log);
        int before = faultCount(() -> venue.faults().streamConnectionAttempts());
        fault(() -> venue.faults().refuseConnections(refusal));
        fault(venue.faults()::dropConnections);
        for (String stream : venue.streams()) {
            log.await("stream '" + stream + "' reported DISCONNECTED (down) while the venue refuses (" + refusal + ")",
                    Event.ConnectionChanged.class, c -> c.stream().equals(stream) && c.state() == ConnectionState.DISCONNECTED, PATIENCE);
        }
        int attempts = venue.faults().streamConnectionAttempts() - before;
        int bound = (venue.downAfterAttempts() + 2) * venue.streams().size();
        assertThat(attempts).as("stream handshakes while refused (%s): backoff bounds them to %s", refusal, bound).isLessThanOrEqualTo(bound);
        fault(venue.faults()::acceptConnections);
        for (String stream : venue.streams()) awaitConnected(log, stream, 2);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
    }

    @Test
    void aStreamThatGoesSilentIsDetectedAndReplaced() {
        EventLog log = new EventLog();
        following(log);
        fault(() -> venue.faults().silenceStreams(true));
        log.await("a stream reported RECONNECTING after going silent", Event.ConnectionChanged.class,
                c -> c.state() == ConnectionState.RECONNECTING, PATIENCE);
        venue.faults().silenceStreams(false);
        for (String stream : venue.streams()) awaitConnected(log, stream, 2);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
    }

    @Test
    void malformedMessagesBecomeErrorEventsAndTheStreamGoesOn() {
        EventLog log = new EventLog();
        following(log);
        List<String> garbage = List.of("not json at all", "[1,2,3]", "{\"e\":\"kline\"}", "\"just text\"", "{\"data\":{\"e\":\"kline\",\"k\":[]}}",
                "{\"b\":\"1E+10000000\",\"a\":\"1\",\"s\":\"" + venue.symbol() + "\"}", "{\"" + "x".repeat(5000) + "\":1}");
        for (String g : garbage) fault(() -> venue.faults().sendRawToStreams(g));
        log.awaitCount("an ErrorRaised event for each of " + garbage.size() + " malformed messages", Event.ErrorRaised.class, e -> true,
                garbage.size(), PATIENCE);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
    }

    @Test
    void aTickerPricedBeyondAnyUseIsAnErrorEventAndTheNextTickerArrives() {
        EventLog log = new EventLog();
        ExchangeAdapter a = adapter();
        a.subscribeBars(venue.symbol(), venue.timeframe());
        a.subscribeTicker(venue.symbol());
        a.connect(log);
        for (String stream : venue.streams()) awaitConnected(log, stream, 1);
        // eleven characters on the wire; the first sum with it would build a ten-million-digit number
        String absurd = "1E+10000000";
        fault(() -> venue.faults().sendRawToStreams(venue.tickerMessage(absurd)));
        log.await("a malformed-data error for the venue's own ticker priced " + absurd, Event.ErrorRaised.class,
                e -> e.category() == ErrorCategory.MALFORMED_DATA, PATIENCE);
        fault(() -> venue.faults().sendRawToStreams(venue.tickerMessage("101.25")));
        log.await("the next ticker, priced 101.25", Event.TickerUpdated.class, t -> t.ticker().bid().compareTo(new BigDecimal("101.25")) == 0,
                PATIENCE);
        assertThat(log.all(Event.TickerUpdated.class, t -> true)).as("tickers passed on").noneMatch(t -> beyondUse(t.ticker().bid())
                || beyondUse(t.ticker().ask()) || beyondUse(t.ticker().last()));
    }

    private static boolean beyondUse(BigDecimal price) {
        return Math.abs(price.precision() - price.scale()) > 100;
    }

    @Test
    void anOversizedMessageIsAnErrorEventNotAnOutOfMemoryAndTheStreamRecovers() {
        EventLog log = new EventLog();
        following(log);
        fault(() -> venue.faults().sendRawToStreams("{\"e\":\"" + "x".repeat(venue.maxMessageBytes() + 1024) + "\"}"));
        log.await("an ErrorRaised event for a message over " + venue.maxMessageBytes() + " bytes", Event.ErrorRaised.class, e -> true, PATIENCE);
        venue.closeNextBar();
        awaitBar(log, venue.closedBars().getLast().openTime());
    }
}
