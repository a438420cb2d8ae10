package io.tradekit.core.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderManagerTest {

    static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    static Order newOrder(OrderManager m, String qty) {
        OrderRequest r = OrderRequest.of(m.nextClientOrderId(), OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal(qty), new BigDecimal("100")));
        Order o = Order.pendingNew(r, "", T);
        m.add(o);
        return o;
    }

    static OrderUpdate update(Order o, OrderStatus status) {
        return new OrderUpdate(o.clientOrderId(), Optional.of("v1"), o.symbol(), status, BigDecimal.ZERO, BigDecimal.ZERO, T, Optional.empty());
    }

    static Fill fill(Order o, String id, String qty, String price) {
        return new Fill(id, o.clientOrderId(), "v1", o.symbol(), o.side(), new BigDecimal(price), new BigDecimal(qty), BigDecimal.ZERO, "USDT", T, true);
    }

    @Test
    void clientOrderIdsFitEveryVenueAndContinueAfterARestart() {
        OrderManager m = new OrderManager("btc-grid bot #7 with a long name");
        String first = m.nextClientOrderId();
        assertThat(first).isEqualTo("btcgridb-A").matches(OrderRequest.CLIENT_ORDER_ID_PATTERN);
        for (int i = 0; i < 100; i++) m.nextClientOrderId();
        Order o = newOrder(m, "1");
        // 102 = 3 * 26 + 24: C, X
        assertThat(o.clientOrderId()).isEqualTo("btcgridb-CX");

        OrderManager restarted = new OrderManager("btc-grid bot #7 with a long name");
        restarted.restore(List.of(o), List.of());
        assertThat(restarted.nextClientOrderId()).isEqualTo("btcgridb-CY");
        assertThat(restarted.openOrders()).containsExactly(o);
        // Kraken's 18 characters hold 26^9 orders, more than a bot sending ten a second for ten thousand years
        assertThat("btcgridb-" + OrderManager.letters(5_000_000_000_000L)).hasSizeLessThanOrEqualTo(18);
        assertThat("btcgridb-" + OrderManager.letters(Long.MAX_VALUE)).hasSizeLessThanOrEqualTo(36);
    }

    @Test
    void anOrderFilledByOneFillAveragesExactlyWhatTheDivisionGave() {
        OrderManager m = new OrderManager("t");
        Order a = newOrder(m, "0.50");
        Order filled = m.onFill(fill(a, "f1", "0.50", "65020.10")).orElseThrow();
        assertThat(filled.averageFillPrice()).isEqualTo(new BigDecimal("65020.10"))
                .isEqualTo(new BigDecimal("65020.10").multiply(new BigDecimal("0.50")).divide(new BigDecimal("0.50"), java.math.MathContext.DECIMAL64));
        assertThat(filled.filledQuantity()).isEqualTo(new BigDecimal("0.50"));
        // a price past the division's 16 digits is rounded as before
        Order b = newOrder(m, "3");
        assertThat(m.onFill(fill(b, "f2", "3", "1.00000000000000000001")).orElseThrow().averageFillPrice())
                .isEqualTo(new BigDecimal("1.000000000000000"));
    }

    @Test
    void theLetterSequenceCountsLikeSpreadsheetColumnsAndReadsBack() {
        assertThat(List.of(1L, 26L, 27L, 52L, 53L, 702L, 703L)).extracting(OrderManager::letters)
                .containsExactly("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA");
        for (long n : new long[] {1, 25, 26, 27, 675, 676, 677, 18_278, 987_654_321L, 5_000_000_000_000L, Long.MAX_VALUE / 1000}) {
            assertThat(OrderManager.sequenceOf(OrderManager.letters(n))).as("%d", n).isEqualTo(n);
        }
        assertThatThrownBy(() -> OrderManager.letters(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThat(OrderManager.sequenceOf("")).isEqualTo(-1);
        assertThat(OrderManager.sequenceOf("Ab")).isEqualTo(-1);
        assertThat(OrderManager.sequenceOf("x_1")).isEqualTo(-1);
        assertThat(OrderManager.sequenceOf("2u")).as("an id of an earlier version, base 36").isEqualTo(102);
    }

    @Test
    void idsOfALongRunNeverShareAHashSoMapsKeyedByThemStaySpread() {
        // The base-36 ids of earlier versions gave 210 409 ids only 103 689 distinct hashes, and up to 12 in one bucket.
        OrderManager m = new OrderManager("backtest");
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        int n = 300_000;
        for (int i = 0; i < n; i++) hashes.add(m.nextClientOrderId().hashCode());
        assertThat(hashes).hasSize(n);
    }

    @Test
    void aJournalOfEarlierBase36IdsIsContinuedWithoutReusingAnyId() {
        Order old = Order.pendingNew(OrderRequest.of("bot-" + Long.toString(700, 36),
                OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("100"))), "", T);
        OrderManager restarted = new OrderManager("bot");
        restarted.restore(List.of(old), List.of());
        String next = restarted.nextClientOrderId();
        assertThat(next).isEqualTo("bot-" + OrderManager.letters(701)).isNotEqualTo(old.clientOrderId());
    }

    @Test
    void ordersOnlyMoveForwardAndFilledComesFromFills() {
        OrderManager m = new OrderManager("t");
        Order o = newOrder(m, "2");
        assertThat(m.onUpdate(update(o, OrderStatus.NEW))).get().extracting(Order::status).isEqualTo(OrderStatus.NEW);
        // a FILLED report without fills does not invent quantity
        assertThat(m.onUpdate(update(o, OrderStatus.FILLED))).isEmpty();
        m.onFill(fill(o, "f1", "0.5", "100"));
        assertThat(m.get(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        // a late NEW report must not move a partially filled order back
        assertThat(m.onUpdate(update(o, OrderStatus.NEW))).isEmpty();
        Order done = m.onFill(fill(o, "f2", "1.5", "102")).orElseThrow();
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("2");
        assertThat(done.averageFillPrice()).isEqualByComparingTo("101.5");
        assertThat(m.openOrders()).isEmpty();
        assertThat(m.onUpdate(update(o, OrderStatus.CANCELED))).isEmpty();
    }

    @Test
    void theAveragePriceWeighsEveryFillAndStaysRightWhenAVenueFillsPastTheQuantity() {
        OrderManager m = new OrderManager("t");
        Order o = newOrder(m, "3");
        m.onFill(fill(o, "f1", "1", "100"));
        m.onFill(fill(o, "f2", "1", "101"));
        Order filled = m.onFill(fill(o, "f3", "1", "105")).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averageFillPrice()).isEqualByComparingTo("102"); // (100 + 101 + 105) / 3
        // A venue that fills one more unit after the order was complete: the average still weighs all four.
        Order over = m.onFill(fill(o, "f4", "1", "110")).orElseThrow();
        assertThat(over.filledQuantity()).isEqualByComparingTo("4");
        assertThat(over.averageFillPrice()).isEqualByComparingTo("104"); // (306 + 110) / 4
    }

    @Test
    void restoreTakesFilledQuantityFromTheJournalsFills() {
        OrderManager m = new OrderManager("t");
        Order o = newOrder(m, "2");
        // The crash lost the order's last update but not its fills.
        OrderManager restarted = new OrderManager("t");
        restarted.restore(List.of(o), List.of(fill(o, "f1", "0.5", "100"), fill(o, "f2", "1.5", "104")));
        Order restored = restarted.get(o.clientOrderId()).orElseThrow();
        assertThat(restored.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(restored.filledQuantity()).isEqualByComparingTo("2");
        assertThat(restored.averageFillPrice()).isEqualByComparingTo("103");
        assertThat(restarted.openOrders()).isEmpty();
    }

    @Test
    void unknownOutcomeStaysOpenUntilTheVenueSettlesIt() {
        OrderManager m = new OrderManager("t");
        Order o = newOrder(m, "1");
        assertThat(m.markUnknown(o.clientOrderId(), T, "HTTP 503")).get().extracting(Order::status).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(m.openOrders()).hasSize(1);
        assertThat(m.onUpdate(update(o, OrderStatus.CANCELED))).get().extracting(Order::status).isEqualTo(OrderStatus.CANCELED);
        assertThat(m.openOrders()).isEmpty();
    }
}
