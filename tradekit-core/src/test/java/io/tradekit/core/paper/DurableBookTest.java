package io.tradekit.core.paper;

import io.tradekit.api.Balance;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

import static io.tradekit.core.paper.MatchingEngineTest.BTC;
import static io.tradekit.core.paper.MatchingEngineTest.bar;
import static io.tradekit.core.paper.MatchingEngineTest.limit;
import static io.tradekit.core.paper.MatchingEngineTest.market;
import static org.assertj.core.api.Assertions.assertThat;

class DurableBookTest {

    @TempDir
    Path dir;

    PaperSettings settings() {
        return PaperSettings.of(BTC, new BigDecimal("10000")).withFees(new BigDecimal("10"), new BigDecimal("10"));
    }

    @Test
    void aReopenedBookHasTheSameBalancesOrdersPriceAndTime() {
        Path file = dir.resolve("paper.db");
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            e.onBar(bar(0, "100", "101", "99", "100"));
            e.submit(market("m-1", Side.BUY, "2"));
            e.submit(limit("l-1", Side.SELL, "1", "105"));
        }
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            assertThat(balance(e, "USDT").free()).isEqualByComparingTo("9799.8"); // 10000 - 200 - 0.2
            assertThat(balance(e, "BTC").free()).isEqualByComparingTo("1");
            assertThat(balance(e, "BTC").locked()).isEqualByComparingTo("1");
            assertThat(e.openOrders("BTCUSDT")).extracting(Order::clientOrderId).containsExactly("l-1");
            assertThat(e.lastPrice("BTCUSDT")).contains(new BigDecimal("100"));
            // the resting sell still fills, and fill ids continue without reuse
            var fills = e.onBar(bar(1, "104", "106", "103", "105"));
            assertThat(fills).singleElement().satisfies(f -> assertThat(f.fillId()).isNotEqualTo(e.fills("BTCUSDT", java.time.Instant.EPOCH).get(0).fillId()));
            assertThat(e.fills("BTCUSDT", java.time.Instant.EPOCH)).extracting(Fill::fillId).doesNotHaveDuplicates().hasSize(2);
        }
    }

    @Test
    void aFillWhoseOrderUpdateWasLostIsNotExecutedAgain() {
        Path file = dir.resolve("paper.db");
        Fill fill;
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            e.onBar(bar(0, "100", "101", "99", "100"));
            OrderAck ack = e.submit(market("m-1", Side.SELL.opposite(), "1"));
            fill = ack.fills().get(0);
        }
        // Rewind the order to NEW as if the crash had taken its last update but not its fill.
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            Order o = store.order("m-1").orElseThrow();
            store.updateOrder(o.withFilled(BigDecimal.ZERO, BigDecimal.ZERO, OrderStatus.NEW, o.updatedAt()));
            store.flush();
            assertThat(store.order("m-1").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        }
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            assertThat(e.order("m-1")).get().extracting(Order::status).isEqualTo(OrderStatus.FILLED);
            assertThat(e.fills("BTCUSDT", java.time.Instant.EPOCH)).containsExactly(fill);
            assertThat(balance(e, "BTC").free()).isEqualByComparingTo("1");
            assertThat(store.order("m-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        }
    }

    @Test
    void aMarketOrderAcceptedButNotFilledBeforeTheCrashFillsAtTheLastPriceOnReopen() {
        Path file = dir.resolve("paper.db");
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            e.onBar(bar(0, "100", "101", "99", "100"));
            // what submit wrote ahead before the process died, without its fill
            Order accepted = Order.pendingNew(market("m-9", Side.BUY, "1"), "", e.now()).withVenueOrderId("77")
                    .withStatus(OrderStatus.NEW, e.now(), Optional.empty());
            store.writeAhead(accepted);
        }
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            assertThat(e.order("m-9")).get().extracting(Order::status).isEqualTo(OrderStatus.FILLED);
            assertThat(e.fills("BTCUSDT", java.time.Instant.EPOCH)).singleElement()
                    .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("100"));
        }
    }

    @Test
    void aBookKilledInsideABarResumesItsClockAtItsLastFillNotAtTheLastBarEnd() {
        Path file = dir.resolve("paper.db");
        Fill fill;
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            e.onBar(bar(0, "100", "101", "99", "100"));          // the last bar end written: minute 1
            e.submit(limit("l-1", Side.BUY, "1", "98"));
            var bar = bar(1, "100", "100.5", "97", "99");
            e.beginBar(bar);
            PricePoint[] path = PricePoint.pathOf(bar);          // 100, 100.5, 97, 99
            e.advance("BTCUSDT", path[0]);
            e.advance("BTCUSDT", path[1]);
            e.advance("BTCUSDT", path[2]);                       // the buy fills at 98 on the way down to 97, 40 s into the bar
            fill = e.fills("BTCUSDT", java.time.Instant.EPOCH).getLast();
            // killed here: the bar never ends
        }
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            MatchingEngine e = new MatchingEngine("paper", settings()).keepBookIn(store);
            assertThat(fill.time()).isEqualTo(MatchingEngineTest.T0.plusSeconds(100));
            assertThat(e.now()).isEqualTo(fill.time());
            // what the venue accepts after the restart is never stamped before what it did before it
            e.submit(limit("l-2", Side.BUY, "1", "90"));
            assertThat(e.order("l-2").orElseThrow().createdAt()).isEqualTo(fill.time());
        }
    }

    private static Balance balance(MatchingEngine e, String asset) {
        return e.balances().stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }
}
