package io.tradekit.binance.internal;

import io.tradekit.api.BookLevel;
import io.tradekit.api.OrderBook;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binance's local-book rules (web-socket-streams.md "How to manage a local order book correctly"), step by step. */
class DepthSyncTest {

    private static final Instant ARRIVAL = Instant.parse("2026-01-05T10:00:00Z");

    private static DepthMapping.LevelChange change(String price, String quantity) {
        return new DepthMapping.LevelChange(new BigDecimal(price), new BigDecimal(quantity));
    }

    private static DepthMapping.DepthDiff diff(long first, long last, List<DepthMapping.LevelChange> bids, List<DepthMapping.LevelChange> asks) {
        return new DepthMapping.DepthDiff("BNBBTC", ARRIVAL.plusMillis(last), first, last, bids, asks);
    }

    private static DepthMapping.DepthSnapshot snapshot(long id) {
        return new DepthMapping.DepthSnapshot(id, List.of(change("0.0024", "10"), change("0.0023", "5")), List.of(change("0.0026", "100")));
    }

    private static List<String> levels(List<BookLevel> side) {
        return side.stream().map(l -> l.price().toPlainString() + "x" + l.quantity().toPlainString()).toList();
    }

    @Test
    void bufferedDiffsUpToTheSnapshotAreDroppedAndTheRestApplied() {
        DepthSync sync = new DepthSync("BNBBTC", 5000, 100);
        assertThat(sync.onDiff(diff(151, 156, List.of(change("0.0024", "7")), List.of()))).isEqualTo(DepthSync.DiffOutcome.BUFFERED);
        assertThat(sync.onDiff(diff(157, 160, List.of(change("0.0023", "0")), List.of(change("0.0025", "3"))))).isEqualTo(DepthSync.DiffOutcome.BUFFERED);
        assertThat(sync.book()).isEmpty();

        // snapshot at 158: the 151..156 diff is older (u 156 <= 158) and dropped; 157..160 straddles 159 and applies
        assertThat(sync.onSnapshot(snapshot(158), ARRIVAL)).isEqualTo(DepthSync.SnapshotOutcome.IN_SYNC);

        OrderBook book = sync.book().orElseThrow();
        assertThat(book.lastUpdateId()).isEqualTo(160);
        assertThat(levels(book.bids())).as("0.0024 keeps the snapshot's 10; 0.0023 removed by quantity 0").containsExactly("0.0024x10");
        assertThat(levels(book.asks())).containsExactly("0.0025x3", "0.0026x100");
        assertThat(book.time()).isEqualTo(ARRIVAL.plusMillis(160));
    }

    @Test
    void aSnapshotOlderThanTheFirstBufferedDiffIsFetchedAgain() {
        DepthSync sync = new DepthSync("BNBBTC", 5000, 100);
        sync.onDiff(diff(200, 205, List.of(), List.of()));

        assertThat(sync.onSnapshot(snapshot(199), ARRIVAL)).as("lastUpdateId 199 < U 200").isEqualTo(DepthSync.SnapshotOutcome.TOO_OLD);
        assertThat(sync.inSync()).isFalse();
        assertThat(sync.onSnapshot(snapshot(200), ARRIVAL)).isEqualTo(DepthSync.SnapshotOutcome.IN_SYNC);
        assertThat(sync.updateId()).isEqualTo(205);
    }

    @Test
    void aDiffThatSkipsUpdateIdsDiscardsTheBook() {
        DepthSync sync = new DepthSync("BNBBTC", 5000, 100);
        sync.onSnapshot(snapshot(300), ARRIVAL);
        assertThat(sync.onDiff(diff(295, 301, List.of(change("0.0024", "8")), List.of()))).isEqualTo(DepthSync.DiffOutcome.APPLIED);
        assertThat(sync.onDiff(diff(299, 301, List.of(), List.of()))).as("u 301 <= 301: old").isEqualTo(DepthSync.DiffOutcome.IGNORED);
        assertThat(sync.onDiff(diff(301, 303, List.of(), List.of()))).as("after the first, U must be u + 1 = 302").isEqualTo(DepthSync.DiffOutcome.GAP);
        assertThat(sync.inSync()).isFalse();
        assertThat(sync.book()).isEmpty();

        // the diff that showed the gap is kept: a snapshot older than it is refused, a newer one continues from it
        assertThat(sync.onSnapshot(snapshot(300), ARRIVAL)).isEqualTo(DepthSync.SnapshotOutcome.TOO_OLD);
        assertThat(sync.onSnapshot(snapshot(302), ARRIVAL)).isEqualTo(DepthSync.SnapshotOutcome.IN_SYNC);
        assertThat(sync.updateId()).isEqualTo(303);
    }

    @Test
    void theFirstDiffAfterASnapshotMustStraddleIt() {
        DepthSync sync = new DepthSync("BNBBTC", 5000, 100);
        sync.onSnapshot(snapshot(400), ARRIVAL);

        assertThat(sync.onDiff(diff(402, 405, List.of(), List.of()))).as("U 402 > 400 + 1: 401 was missed").isEqualTo(DepthSync.DiffOutcome.GAP);
    }

    @Test
    void bufferedDiffsWithAHoleAfterTheSnapshotAreAGap() {
        DepthSync sync = new DepthSync("BNBBTC", 5000, 2);
        sync.onDiff(diff(500, 505, List.of(), List.of()));
        sync.onDiff(diff(506, 510, List.of(), List.of()));
        sync.onDiff(diff(511, 515, List.of(), List.of())); // the buffer holds 2: 500..505 goes

        assertThat(sync.onSnapshot(snapshot(503), ARRIVAL)).as("503 < first buffered U 506").isEqualTo(DepthSync.SnapshotOutcome.TOO_OLD);
        assertThat(sync.onSnapshot(snapshot(512), ARRIVAL)).isEqualTo(DepthSync.SnapshotOutcome.IN_SYNC);
        assertThat(sync.updateId()).isEqualTo(515);
    }

    @Test
    void aBookKeepsItsNearestLevelsOnly() {
        DepthSync sync = new DepthSync("BNBBTC", 2, 100);
        sync.onSnapshot(new DepthMapping.DepthSnapshot(1, List.of(change("10", "1"), change("9", "1"), change("8", "1")),
                List.of(change("11", "1"), change("12", "1"), change("13", "1"))), ARRIVAL);

        OrderBook book = sync.book().orElseThrow();
        assertThat(levels(book.bids())).containsExactly("10x1", "9x1");
        assertThat(levels(book.asks())).containsExactly("11x1", "12x1");
    }

    @Test
    void malformedLevelsAreRefusedByName() {
        assertThatThrownBy(() -> DepthMapping.diff(VenueJson.read("{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":5,\"u\":6,"
                + "\"b\":[[\"0.0024\",\"-1\"]],\"a\":[]}"))).isInstanceOf(MalformedMessage.class).hasMessage("b[0] quantity is -1, expected zero or more");
        assertThatThrownBy(() -> DepthMapping.diff(VenueJson.read("{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":7,\"u\":6,\"b\":[],\"a\":[]}")))
                .isInstanceOf(MalformedMessage.class).hasMessage("first update id U 7 is after final update id u 6");
        assertThatThrownBy(() -> DepthMapping.snapshot(VenueJson.read("{\"lastUpdateId\":3,\"bids\":[[\"1\",\"0\"]],\"asks\":[]}")))
                .isInstanceOf(MalformedMessage.class).hasMessage("bids[0] quantity is 0, expected a positive quantity");
    }
}
