package io.tradekit.core.paper;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingEngineTest {

    static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.0001"), new BigDecimal("5"));
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Bar bar(int minute, String o, String h, String l, String c) {
        return new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * minute), d(o), d(h), d(l), d(c), d("1"));
    }

    static OrderRequest limit(String id, Side side, String qty, String price) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.LIMIT, d(qty), Optional.of(d(price)), TimeInForce.GTC, false);
    }

    static OrderRequest market(String id, Side side, String qty) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, d(qty), Optional.empty(), TimeInForce.GTC, false);
    }

    MatchingEngine engine(PaperSettings settings) {
        MatchingEngine e = new MatchingEngine("paper", settings);
        e.onBar(bar(0, "100", "101", "99", "100"));
        return e;
    }

    PaperSettings tenThousand() {
        return PaperSettings.of(BTC, d("10000")).withFees(d("10"), d("20"));
    }

    @Test
    void restingBuyFillsAtItsLimitWhenALaterBarTradesThroughIt() {
        MatchingEngine e = engine(tenThousand());
        OrderAck ack = e.submit(limit("a-1", Side.BUY, "1", "98"));
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(e.onBar(bar(1, "99.5", "100", "98.5", "99"))).isEmpty();

        List<Fill> fills = e.onBar(bar(2, "99", "99", "97", "97.5"));

        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("98");
            assertThat(f.maker()).isTrue();
            assertThat(f.fee()).isEqualByComparingTo("0.098"); // 10 bps of 98
        });
        assertThat(e.order("a-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(balance(e, "USDT").free()).isEqualByComparingTo("9901.902"); // 10000 - 98 - 0.098
        assertThat(balance(e, "USDT").locked()).isEqualByComparingTo("0");
        assertThat(balance(e, "BTC").free()).isEqualByComparingTo("1");
    }

    @Test
    void aBarWhoseRangeReachesNoRestingOrderIsClosedWithoutItsPathAndOneThatTouchesALevelIsNot() {
        MatchingEngine e = engine(tenThousand());
        e.submit(limit("b-1", Side.BUY, "1", "98"));

        // Down to 98.01: the bid is not reached, so the bar needs no path.
        Bar above = bar(1, "100", "101.99", "98.01", "101");
        assertThat(e.playIfQuiet(above)).isTrue();
        assertThat(e.lastPrice("BTCUSDT")).contains(d("101"));
        assertThat(e.hasPlayed(above)).isTrue();
        assertThat(e.order("b-1").orElseThrow().status()).isEqualTo(OrderStatus.NEW);

        // A low exactly at the bid reaches it: the caller must play the path, and the bid fills there.
        play(e, bar(2, "100", "101", "98", "100"));
        assertThat(e.order("b-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);

        e.submit(limit("s-1", Side.SELL, "0.5", "102"));
        assertThat(e.playIfQuiet(bar(3, "100", "101.99", "99", "101"))).isTrue();
        assertThat(e.order("s-1").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        // A high exactly at the ask reaches it too.
        play(e, bar(4, "101", "102", "100", "101"));
        assertThat(e.order("s-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    /** What a driver does with a bar: closed at once when quiet, else its path point by point, then closed. */
    private static void play(MatchingEngine e, Bar bar) {
        assertThat(e.playIfQuiet(bar)).as("bar %s reaches a resting order", bar.openTime()).isFalse();
        for (PricePoint p : PricePoint.pathOf(bar)) {
            while (!e.advance("BTCUSDT", p)) {
                // stopped at a level where an order filled: go on toward the point
            }
        }
        e.endBar(bar);
    }

    @Test
    void restingBuyGetsTheOpenWhenTheBarGapsBelowIt() {
        MatchingEngine e = engine(tenThousand());
        e.submit(limit("a-1", Side.BUY, "1", "98"));
        List<Fill> fills = e.onBar(bar(1, "95", "96", "94", "95"));
        assertThat(fills.get(0).price()).isEqualByComparingTo("95");
    }

    @Test
    void marketOrderFillsAtTheCloseWithSlippageRoundedAgainstTheTaker() {
        MatchingEngine e = engine(tenThousand().withSlippage(d("3"))); // 100 * 1.0003 = 100.03
        OrderAck ack = e.submit(market("m-1", Side.BUY, "0.5"));
        assertThat(ack.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("100.03");
            assertThat(f.maker()).isFalse();
            assertThat(f.fee()).isEqualByComparingTo("0.10003"); // 20 bps of 50.015
        });
        OrderAck sell = e.submit(market("m-2", Side.SELL, "0.5"));
        assertThat(sell.fills().get(0).price()).isEqualByComparingTo("99.97");
    }

    @Test
    void nextOpenModelFillsAMarketOrderAtTheNextBarsOpen() {
        MatchingEngine e = engine(tenThousand().withFillModel(FillModel.NEXT_OPEN));
        OrderAck ack = e.submit(market("m-1", Side.BUY, "1"));
        assertThat(ack.fills()).isEmpty();
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        List<Fill> fills = e.onBar(bar(1, "104", "105", "103", "104"));
        assertThat(fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("104"));
    }

    @Test
    void postOnlyOrderThatWouldTakeIsRejected() {
        MatchingEngine e = engine(tenThousand());
        OrderRequest maker = new OrderRequest("p-1", "BTCUSDT", Side.BUY, OrderType.LIMIT_MAKER, d("1"), Optional.of(d("100.5")),
                TimeInForce.GTC, false);
        assertThatThrownBy(() -> e.submit(maker)).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("would immediately match");
    }

    @Test
    void filtersAreEnforcedWithTheRuleNamed() {
        MatchingEngine e = engine(tenThousand());
        assertThatThrownBy(() -> e.submit(limit("f-1", Side.BUY, "1", "98.005")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.rule()).isEqualTo("PRICE_FILTER"))
                .hasMessageContaining("tick size 0.01");
        assertThatThrownBy(() -> e.submit(limit("f-2", Side.BUY, "0.000015", "98")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.rule()).isEqualTo("LOT_SIZE"));
        assertThatThrownBy(() -> e.submit(limit("f-3", Side.BUY, "0.00005", "98")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.rule()).isEqualTo("LOT_SIZE"))
                .hasMessageContaining("minimum quantity");
        assertThatThrownBy(() -> e.submit(limit("f-4", Side.BUY, "0.01", "98")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.rule()).isEqualTo("MIN_NOTIONAL"));
        assertThatThrownBy(() -> e.submit(limit("f-5", Side.BUY, "0", "98")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.rule()).isEqualTo("QUANTITY"));
        assertThatThrownBy(() -> e.submit(limit("f-6", Side.BUY, "-1", "98")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.rule()).isEqualTo("QUANTITY"));
    }

    @Test
    void fundsAreLockedWhileAnOrderRestsAndReturnedOnCancel() {
        MatchingEngine e = engine(tenThousand());
        e.submit(limit("l-1", Side.BUY, "50", "98"));
        // 4900 + the larger fee (20 bps) = 4909.8 locked
        assertThat(balance(e, "USDT").locked()).isEqualByComparingTo("4909.8");
        assertThatThrownBy(() -> e.submit(limit("l-2", Side.BUY, "60", "98")))
                .isInstanceOfSatisfying(OrderRejectedException.class, x -> assertThat(x.category()).isEqualTo(ErrorCategory.INSUFFICIENT_FUNDS));
        e.cancel("BTCUSDT", "l-1");
        assertThat(balance(e, "USDT").free()).isEqualByComparingTo("10000");
        assertThat(e.order("l-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aVenueThatKeepsTwoFinishedOrdersForgetsTheOldestAsOthersFinishAndKeepsEveryOpenOne() {
        MatchingEngine e = engine(tenThousand());
        e.keepFinishedOrders(2);
        e.submit(limit("open-1", Side.BUY, "1", "90")); // rests below every bar: open throughout
        e.submit(limit("c-1", Side.BUY, "1", "95"));
        e.cancel("BTCUSDT", "c-1");
        e.submit(limit("f-1", Side.BUY, "1", "98"));
        e.submit(limit("f-2", Side.BUY, "1", "97"));
        assertThat(e.allOrders()).extracting(Order::clientOrderId).containsExactly("open-1", "c-1", "f-1", "f-2");

        // The bar reaches 98 then 97: f-1 finishes, then f-2. Three finished orders, two kept: c-1 (the oldest) goes.
        assertThat(e.onBar(bar(1, "99", "99.5", "96.5", "99"))).extracting(Fill::clientOrderId).containsExactly("f-1", "f-2");

        assertThat(e.order("c-1")).isEmpty();
        assertThat(e.order("f-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(e.order("f-2").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(e.order("open-1").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(e.openOrders("BTCUSDT")).extracting(Order::clientOrderId).containsExactly("open-1");
        assertThatThrownBy(() -> e.cancel("BTCUSDT", "c-1"))
                .isInstanceOfSatisfying(ExchangeException.class, x -> assertThat(x.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND));
        // Forgetting orders changes no money: 10000 - 98 - 97 - fees (10 bps) - 90 × 1.002 locked for open-1.
        assertThat(balance(e, "USDT").free()).isEqualByComparingTo("9714.625");
        assertThat(balance(e, "USDT").locked()).isEqualByComparingTo("90.18");

        // Cancelling the open order finishes it: f-1 is now the oldest of three and goes.
        e.cancel("BTCUSDT", "open-1");
        assertThat(e.allOrders()).extracting(Order::clientOrderId).containsExactly("open-1", "f-2");
        // A forgotten order's id is free again; a kept one's is still a duplicate.
        assertThat(e.submit(limit("c-1", Side.BUY, "1", "90")).status()).isEqualTo(OrderStatus.NEW);
        assertThatThrownBy(() -> e.submit(limit("f-2", Side.BUY, "1", "90"))).hasMessageContaining("Duplicate order");
        assertThatThrownBy(() -> e.keepFinishedOrders(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("keep at least 1 finished order, got 0");
    }

    @Test
    void duplicateClientIdAndUnknownCancelAreRefused() {
        MatchingEngine e = engine(tenThousand());
        e.submit(limit("d-1", Side.BUY, "1", "98"));
        assertThatThrownBy(() -> e.submit(limit("d-1", Side.BUY, "1", "97"))).hasMessageContaining("Duplicate order");
        assertThatThrownBy(() -> e.cancel("BTCUSDT", "nope"))
                .isInstanceOfSatisfying(ExchangeException.class, x -> assertThat(x.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND));
    }

    @Test
    void nonMarketableIocExpires() {
        MatchingEngine e = engine(tenThousand());
        OrderRequest ioc = new OrderRequest("i-1", "BTCUSDT", Side.BUY, OrderType.LIMIT, d("1"), Optional.of(d("95")), TimeInForce.IOC, false);
        e.submit(ioc);
        assertThat(e.order("i-1").orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(balance(e, "USDT").free()).isEqualByComparingTo("10000");
    }

    private static Balance balance(MatchingEngine e, String asset) {
        return e.balances().stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }
}
