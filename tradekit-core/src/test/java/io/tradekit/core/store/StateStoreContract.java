package io.tradekit.core.store;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.api.store.EquitySnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradekit.core.store.StoreFixtures.T0;
import static io.tradekit.core.store.StoreFixtures.acknowledged;
import static io.tradekit.core.store.StoreFixtures.at;
import static io.tradekit.core.store.StoreFixtures.fill;
import static io.tradekit.core.store.StoreFixtures.limitOrder;
import static io.tradekit.core.store.StoreFixtures.marketOrder;
import static io.tradekit.core.store.StoreFixtures.position;
import static io.tradekit.core.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules every tradekit state store keeps, written once and run against each store. A subclass
 * supplies a fresh, empty store keeping the default five snapshots.
 */
abstract class StateStoreContract {

    protected BotStore store;

    protected abstract BotStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void writtenAheadOrderIsReadBackExactly() {
        Order order = limitOrder("grid-7-buy", "BTCUSDT", Side.BUY, "0.00150", "64000.50");
        store.writeAhead(order);

        assertThat(store.order("grid-7-buy")).contains(order);
        assertThat(store.orders()).containsExactly(order);
        assertThat(store.order("grid-7-buy").orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void writingAheadTheSameClientOrderIdTwiceIsRefused() {
        store.writeAhead(limitOrder("once-only", "BTCUSDT", Side.BUY, "1", "100"));

        assertThatThrownBy(() -> store.writeAhead(limitOrder("once-only", "BTCUSDT", Side.SELL, "2", "200")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("once-only").hasMessageContaining("no order is sent twice");
        assertThat(store.order("once-only").orElseThrow().side()).isEqualTo(Side.BUY);
    }

    @Test
    void orderUpdatesReplaceTheOrderByClientOrderIdAndKeepItsPlace() {
        Order first = limitOrder("a-1", "BTCUSDT", Side.BUY, "1.5", "64000");
        Order second = marketOrder("a-2", "ETHUSDT", Side.SELL, "2");
        store.writeAhead(first);
        store.writeAhead(second);
        Order firstFilled = acknowledged(first, "8812").withFilled(new BigDecimal("1.5"), new BigDecimal("63999.75"),
                OrderStatus.FILLED, at(5));
        store.updateOrder(firstFilled);

        assertThat(store.orders()).containsExactly(firstFilled, second);
        assertThat(store.order("a-1").orElseThrow().venueOrderId()).contains("8812");
        assertThat(store.order("a-1").orElseThrow().averageFillPrice()).isEqualByComparingTo("63999.75");
    }

    @Test
    void anUpdateOfAnOrderNotWrittenAheadInsertsIt() {
        Order adopted = acknowledged(limitOrder("adopted-1", "BTCUSDT", Side.SELL, "0.2", "70000"), "991");
        store.updateOrder(adopted);

        assertThat(store.order("adopted-1")).contains(adopted);
    }

    @Test
    void openOrdersAreThoseThatMayStillBeWorking() {
        Order pending = limitOrder("p", "BTCUSDT", Side.BUY, "1", "100");
        Order working = acknowledged(limitOrder("w", "BTCUSDT", Side.BUY, "1", "101"), "2");
        Order unknown = limitOrder("u", "BTCUSDT", Side.BUY, "1", "102").withStatus(OrderStatus.UNKNOWN, at(3), Optional.of("timeout"));
        Order canceled = limitOrder("c", "BTCUSDT", Side.BUY, "1", "103").withStatus(OrderStatus.CANCELED, at(3), Optional.of("grid moved"));
        for (Order o : List.of(pending, working, unknown, canceled)) {
            store.writeAhead(o);
        }
        store.updateOrder(working);
        store.updateOrder(unknown);
        store.updateOrder(canceled);

        assertThat(store.openOrders()).extracting(Order::clientOrderId).containsExactly("p", "w", "u");
        assertThat(store.order("c").orElseThrow().reason()).contains("grid moved");
    }

    @Test
    void aFillIsAppliedOnceAndItsDuplicateIsRefused() {
        Order order = limitOrder("f-1", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(order);
        Fill fill = fill("trade-100", order, "0.4", "64000", 2);

        assertThat(store.recordFill(fill)).isTrue();
        assertThat(store.recordFill(fill)).isFalse();
        assertThat(store.recordFill(fill("trade-100", order, "0.6", "64001", 3))).isFalse();
        assertThat(store.fills()).containsExactly(fill);
    }

    @Test
    void aFundingSettlementIsJournaledOncePerSymbolAndInstantWithExactDecimals() {
        // A short of 1.250 ETH receives 1.25 × 2050.10 × 0.0001 = 0.2562625 at 08:00; the venue reports it again on a restart.
        FundingPayment received = new FundingPayment("ETHUSDT", at(8 * 3600), new BigDecimal("0.0001"), new BigDecimal("2050.10"),
                new BigDecimal("-1.250"), new BigDecimal("-0.2562625"));
        FundingPayment otherSymbol = new FundingPayment("BTCUSDT", at(8 * 3600), new BigDecimal("0.0001"), new BigDecimal("64000"),
                new BigDecimal("0.010"), new BigDecimal("0.0640"));

        assertThat(store.recordFunding(received)).isTrue();
        assertThat(store.recordFunding(received)).isFalse();
        assertThat(store.recordFunding(new FundingPayment("ETHUSDT", at(8 * 3600), new BigDecimal("0.0002"), new BigDecimal("2050.10"),
                new BigDecimal("-1.250"), new BigDecimal("-0.512525")))).as("the same settlement, reported otherwise").isFalse();
        assertThat(store.recordFunding(otherSymbol)).isTrue();
        assertThat(store.fundingPayments()).containsExactly(received, otherSymbol);
    }

    @Test
    void theSameTradeIdInAnotherSymbolIsAnotherFill() {
        Order btc = limitOrder("btc-1", "BTCUSDT", Side.BUY, "1", "64000");
        Order eth = limitOrder("eth-1", "ETHUSDT", Side.BUY, "1", "3000");
        store.writeAhead(btc);
        store.writeAhead(eth);

        assertThat(store.recordFill(fill("555", btc, "1", "64000", 1))).isTrue();
        assertThat(store.recordFill(fill("555", eth, "1", "3000", 1))).isTrue();
        assertThat(store.fills()).hasSize(2);
    }

    @Test
    void aTradeIdTheVenueReusesForAnotherOrderKeepsBothFills() {
        // A restarted venue numbers its trades afresh: its new trade 1000 is not the old trade 1000 of another order.
        Order before = limitOrder("bot-1", "ETHUSDT", Side.BUY, "3", "3000");
        Order after = limitOrder("bot-2", "ETHUSDT", Side.BUY, "2.96", "3001");
        store.writeAhead(before);
        store.writeAhead(after);

        assertThat(store.recordFill(fill("1000", before, "3", "3000", 1))).isTrue();
        assertThat(store.recordFill(fill("1000", after, "2.96", "3001", 2))).isTrue();
        assertThat(store.recordFill(fill("1000", after, "2.96", "3001", 2))).isFalse();
        assertThat(store.fillsOf("bot-2")).extracting(Fill::quantity).containsExactly(new BigDecimal("2.96"));
        assertThat(store.journalPositions().get("ETHUSDT")).isEqualByComparingTo("5.96");
    }

    @Test
    void anOrderIdThatRunsIntoTheTradeIdIsNotMistakenForAnother() {
        Order a = limitOrder("a", "BTCUSDT", Side.BUY, "2", "10");
        Order a1 = limitOrder("a1", "BTCUSDT", Side.BUY, "2", "10");
        store.writeAhead(a);
        store.writeAhead(a1);

        assertThat(store.recordFill(fill("12", a, "1", "10", 1))).isTrue();
        assertThat(store.recordFill(fill("2", a1, "1", "10", 1))).isTrue();
        assertThat(store.fills()).hasSize(2);
    }

    @Test
    void aFillIdThatRunsIntoTheSymbolIsNotMistakenForAnother() {
        Order ab = limitOrder("ab", "AB", Side.BUY, "1", "10");
        Order abc = limitOrder("abc", "ABC", Side.BUY, "1", "10");
        store.writeAhead(ab);
        store.writeAhead(abc);

        assertThat(store.recordFill(fill("C1", ab, "1", "10", 1))).isTrue();
        assertThat(store.recordFill(fill("1", abc, "1", "10", 1))).isTrue();
        assertThat(store.journalPositions()).containsOnlyKeys("AB", "ABC");
    }

    @Test
    void aFillOfAnOrderNeverWrittenIsRefused() {
        Order stranger = limitOrder("not-mine", "BTCUSDT", Side.BUY, "1", "64000");

        assertThatThrownBy(() -> store.recordFill(fill("t-1", stranger, "1", "64000", 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not-mine").hasMessageContaining("t-1");
        assertThat(store.fills()).isEmpty();
    }

    @Test
    void fillsAreListedInRecordOrderAndByOrder() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        Order sell = limitOrder("s", "BTCUSDT", Side.SELL, "1", "65000");
        store.writeAhead(buy);
        store.writeAhead(sell);
        Fill f1 = fill("1", buy, "0.25", "64000", 1);
        Fill f2 = fill("2", sell, "0.5", "65000", 2);
        Fill f3 = fill("3", buy, "0.75", "63990.5", 3);
        store.recordFill(f1);
        store.recordFill(f2);
        store.recordFill(f3);
        // A later fill of an order repeated is the same fill; the id of another order's fill on this one is another fill.
        assertThat(store.recordFill(fill("3", buy, "0.75", "63990.5", 4))).isFalse();
        Fill f4 = fill("2", buy, "0.1", "63980", 5);
        assertThat(store.recordFill(f4)).isTrue();

        assertThat(store.fills()).containsExactly(f1, f2, f3, f4);
        assertThat(store.fillsOf("b")).containsExactly(f1, f3, f4);
        assertThat(store.fillsOf("nobody")).isEmpty();
    }

    @Test
    void journalPositionsAreTheSignedSumOfTheFills() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "2", "64000");
        Order sell = limitOrder("s", "BTCUSDT", Side.SELL, "2", "65000");
        Order ethSell = marketOrder("e", "ETHUSDT", Side.SELL, "3");
        store.writeAhead(buy);
        store.writeAhead(sell);
        store.writeAhead(ethSell);
        store.recordFill(fill("1", buy, "1.25", "64000", 1));
        store.recordFill(fill("2", buy, "0.75", "64000", 2));
        store.recordFill(fill("3", sell, "0.5", "65000", 3));
        store.recordFill(fill("4", ethSell, "3", "3000", 4));

        Map<String, BigDecimal> positions = store.journalPositions();
        assertThat(positions).containsOnlyKeys("BTCUSDT", "ETHUSDT");
        assertThat(positions.get("BTCUSDT")).isEqualByComparingTo("1.5");
        assertThat(positions.get("ETHUSDT")).isEqualByComparingTo("-3");
    }

    @Test
    void eventsAreKeptInOrderAndTheMostRecentAreListedOldestFirst() {
        for (int i = 0; i < 5; i++) {
            store.recordEvent(new AuditEvent(at(i), "STATE_CHANGED", "operator", "step " + i, "{\"i\":" + i + "}"));
        }

        assertThat(store.events(2)).extracting(AuditEvent::reason).containsExactly("step 3", "step 4");
        assertThat(store.events(100)).hasSize(5);
        assertThat(store.eventsSince(at(3))).extracting(AuditEvent::inputsJson).containsExactly("{\"i\":3}", "{\"i\":4}");
        assertThat(store.events(1).getFirst().time()).isEqualTo(at(4));
    }

    @Test
    void theNewestEventsOfOneTypeAreListedOldestFirstWithoutTheOthers() {
        for (int i = 0; i < 7; i++) {
            String type = i % 2 == 0 ? "grid-round-trip" : "order";
            store.recordEvent(new AuditEvent(at(i), type, "grid", "line " + i, "{\"i\":" + i + "}"));
        }

        assertThat(store.events("grid-round-trip", 3)).extracting(AuditEvent::reason).containsExactly("line 2", "line 4", "line 6");
        assertThat(store.events("grid-round-trip", 100)).extracting(AuditEvent::inputsJson)
                .containsExactly("{\"i\":0}", "{\"i\":2}", "{\"i\":4}", "{\"i\":6}");
        assertThat(store.events("order", 1)).extracting(AuditEvent::reason).containsExactly("line 5");
        assertThat(store.events("grid-round-trip", 0)).isEmpty();
        assertThat(store.events("none of these", 10)).isEmpty();
    }

    @Test
    void equitySnapshotsKeepExactDecimals() {
        EquitySnapshot early = new EquitySnapshot(at(0), new BigDecimal("10000.00"), new BigDecimal("10000.00"), BigDecimal.ZERO, BigDecimal.ZERO);
        EquitySnapshot late = new EquitySnapshot(at(60), new BigDecimal("10012.123456789012345678"), new BigDecimal("9000.1"),
                new BigDecimal("12.5"), new BigDecimal("-0.376543210987654322"));
        store.recordEquity(early);
        store.recordEquity(late);

        assertThat(store.equitySince(at(0))).containsExactly(early, late);
        assertThat(store.equitySince(at(1))).containsExactly(late);
    }

    @Test
    void aSnapshotIsReadBackExactly() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.0100", "64000", 1));
        BotSnapshot saved = snapshot(120, 1, position("BTCUSDT", "0.0100"));
        store.saveSnapshot(saved);

        assertThat(store.latestSnapshot()).contains(saved);
    }

    @Test
    void noSnapshotSavedMeansNone() {
        assertThat(store.latestSnapshot()).isEmpty();
        assertThat(store.snapshotHistory()).isEmpty();
    }

    @Test
    void onlyTheNewestFiveSnapshotsAreKept() {
        for (int i = 1; i <= 7; i++) {
            store.saveSnapshot(snapshot(100 + i, 0));
        }

        List<StoredSnapshot> history = store.snapshotHistory();
        assertThat(history).hasSize(5);
        assertThat(history).extracting(s -> ((StoredSnapshot.Intact) s).snapshot().time())
                .containsExactly(at(107), at(106), at(105), at(104), at(103));
        assertThat(store.latestSnapshot().orElseThrow().time()).isEqualTo(at(107));
    }

    @Test
    void latestSnapshotPassesOverOneThatDisagreesWithTheJournal() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.3", "64000", 1));
        BotSnapshot good = snapshot(100, 1, position("BTCUSDT", "0.3"));
        store.saveSnapshot(good);
        store.recordFill(fill("2", buy, "0.2", "64000", 2));
        store.saveSnapshot(snapshot(200, 2, position("BTCUSDT", "0.7")));

        assertThat(store.latestSnapshot()).contains(good);
    }

    @Test
    void latestSnapshotRefusesWhenNoSnapshotAgreesWithTheJournal() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.3", "64000", 1));
        store.saveSnapshot(snapshot(100, 1, position("BTCUSDT", "0.4")));
        store.saveSnapshot(snapshot(200, 5, position("BTCUSDT", "0.3")));

        assertThatThrownBy(() -> store.latestSnapshot()).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("BTCUSDT is 0.4 in the snapshot but 0.3 by its 1 fills")
                .hasMessageContaining("it counts 5 fills but the journal holds 1");
    }

    @Test
    void loaderResumesFromTheNewestSnapshotAndTheFillsAfterIt() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        Order open = limitOrder("o", "BTCUSDT", Side.SELL, "1", "66000");
        store.writeAhead(buy);
        store.writeAhead(open);
        Fill f1 = fill("1", buy, "0.3", "64000", 1);
        Fill f2 = fill("2", buy, "0.2", "64000", 2);
        store.recordFill(f1);
        BotSnapshot snap = snapshot(100, 1, position("BTCUSDT", "0.3"));
        store.saveSnapshot(snap);
        store.recordFill(f2);

        RecoveredState state = StateLoader.load(store);

        assertThat(state.snapshot()).contains(snap);
        assertThat(state.fillsAfterSnapshot()).containsExactly(f2);
        assertThat(state.openOrders()).extracting(Order::clientOrderId).containsExactly("b", "o");
        assertThat(state.journalPositions().get("BTCUSDT")).isEqualByComparingTo("0.5");
        assertThat(state.fellBack()).isFalse();
    }

    @Test
    void loaderFallsBackToAnOlderSnapshotWhenTheNewestContradictsTheJournal() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        Fill f1 = fill("1", buy, "0.3", "64000", 1);
        Fill f2 = fill("2", buy, "0.2", "64000", 2);
        Fill f3 = fill("3", buy, "0.1", "64000", 3);
        store.recordFill(f1);
        BotSnapshot older = snapshot(100, 1, position("BTCUSDT", "0.3"));
        store.saveSnapshot(older);
        store.recordFill(f2);
        store.saveSnapshot(snapshot(200, 2, position("BTCUSDT", "0.9")));
        store.recordFill(f3);

        RecoveredState state = StateLoader.load(store);

        assertThat(state.snapshot()).contains(older);
        assertThat(state.fillsAfterSnapshot()).containsExactly(f2, f3);
        assertThat(state.rejectedSnapshots()).singleElement().asString()
                .contains("BTCUSDT is 0.9 in the snapshot but 0.5 by its 2 fills");
    }

    @Test
    void loaderWithoutAnySnapshotRebuildsFromTheJournalAlone() {
        Order sell = marketOrder("s", "ETHUSDT", Side.SELL, "2");
        store.writeAhead(sell);
        Fill f1 = fill("1", sell, "2", "3000", 1);
        store.recordFill(f1);
        store.updateOrder(sell.withFilled(new BigDecimal("2"), new BigDecimal("3000"), OrderStatus.FILLED, at(1)));

        RecoveredState state = StateLoader.load(store);

        assertThat(state.snapshot()).isEmpty();
        assertThat(state.fillsAfterSnapshot()).containsExactly(f1);
        assertThat(state.openOrders()).isEmpty();
        assertThat(state.journalPositions().get("ETHUSDT")).isEqualByComparingTo("-2");
    }

    @Test
    void loaderRefusesWhenNoSnapshotCanBeTrusted() {
        Order buy = limitOrder("b", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.3", "64000", 1));
        store.saveSnapshot(snapshot(100, 1, position("ETHUSDT", "1")));

        assertThatThrownBy(() -> StateLoader.load(store)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("the bot will not start")
                .hasMessageContaining("BTCUSDT is 0 in the snapshot but 0.3 by its 1 fills")
                .hasMessageContaining("ETHUSDT is 1 in the snapshot but 0 by its 1 fills");
    }

    @Test
    void loaderRefusesAnOrderFilledBeyondItsQuantity() {
        Order buy = limitOrder("over", "BTCUSDT", Side.BUY, "1", "64000");
        store.writeAhead(buy);
        store.recordFill(fill("1", buy, "0.75", "64000", 1));
        store.recordFill(fill("2", buy, "0.5", "64000", 2));

        assertThatThrownBy(() -> StateLoader.load(store)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("order over is for 1 but its recorded fills total 1.25");
    }

    @Test
    void configEntriesAreReplacedByKey() {
        store.putConfig("strategy", "grid");
        store.putConfig("grid.levels", "10");
        store.putConfig("grid.levels", "12");

        assertThat(store.config("grid.levels")).contains("12");
        assertThat(store.config("missing")).isEmpty();
        assertThat(store.configEntries()).containsExactly(Map.entry("grid.levels", "12"), Map.entry("strategy", "grid"));
        assertThatThrownBy(() -> store.putConfig(" ", "x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cachedCandlesAreReplacedByOpenTimeAndSelectedByRange() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        Bar b0 = bar("BTCUSDT", Timeframe.M5, t, "100");
        Bar b1 = bar("BTCUSDT", Timeframe.M5, t.plusSeconds(300), "101");
        Bar b1again = bar("BTCUSDT", Timeframe.M5, t.plusSeconds(300), "101.5");
        Bar b2 = bar("BTCUSDT", Timeframe.M5, t.plusSeconds(600), "102");
        Bar otherSeries = bar("BTCUSDT", Timeframe.H1, t, "100");
        store.cacheCandles(List.of(b0, b1, b2, otherSeries));
        store.cacheCandles(List.of(b1again));

        assertThat(store.cachedCandles("BTCUSDT", Timeframe.M5, t, t.plusSeconds(600))).containsExactly(b0, b1again);
        assertThat(store.cachedCandles("BTCUSDT", Timeframe.H1, t, t.plusSeconds(3600))).containsExactly(otherSeries);
        assertThat(store.cachedCandles("ETHUSDT", Timeframe.M5, t, t.plusSeconds(3600))).isEmpty();
    }

    @Test
    void metricsSnapshotsAreListedFromATime() {
        MetricsSnapshot m1 = new MetricsSnapshot(at(0), "{\"drawdown\":0.01}");
        MetricsSnapshot m2 = new MetricsSnapshot(at(60), "{\"drawdown\":0.02}");
        store.recordMetrics(m1);
        store.recordMetrics(m2);

        assertThat(store.metricsSince(at(0))).containsExactly(m1, m2);
        assertThat(store.metricsSince(at(30))).containsExactly(m2);
    }

    @Test
    void aClosedStoreTakesNoMoreWrites() {
        store.close();

        assertThatThrownBy(() -> store.recordEvent(new AuditEvent(at(0), "X", "", "", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static Bar bar(String symbol, Timeframe timeframe, Instant openTime, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Bar(symbol, timeframe, openTime, c, c.add(BigDecimal.ONE), c.subtract(BigDecimal.ONE), c, new BigDecimal("12.5"));
    }
}
