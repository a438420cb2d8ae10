package io.tradekit.core.paper;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tradekit.core.paper.MatchingEngineTest.BTC;
import static io.tradekit.core.paper.MatchingEngineTest.bar;
import static io.tradekit.core.paper.MatchingEngineTest.d;
import static io.tradekit.core.paper.MatchingEngineTest.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Lowering a resting order's quantity in place: it keeps its queue place, and only a real decrease is taken. */
class MatchingEngineAmendTest {

    /** 10 bps fees both ways, and a bar may fill at most half its volume (bars here trade 1 BTC): queue order decides who fills. */
    private static MatchingEngine halfOfEachBar() {
        PaperSettings settings = new PaperSettings(Map.of(BTC.symbol(), BTC), Map.of("USDT", d("10000")), BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.ZERO, FillModel.CLOSE, d("0.5"));
        MatchingEngine engine = new MatchingEngine("paper", settings);
        engine.onBar(bar(0, "100", "101", "99", "100"));
        return engine;
    }

    @Test
    void anAmendedOrderKeepsItsPlaceInTheQueue() {
        MatchingEngine engine = halfOfEachBar();
        engine.submit(limit("first", Side.BUY, "1", "98"));
        engine.submit(limit("second", Side.BUY, "1", "98"));

        Order amended = engine.reduceRestingQuantity("BTCUSDT", "first", d("0.4"));
        engine.onBar(bar(1, "99", "99", "97", "97.5"));

        assertThat(amended.quantity()).isEqualByComparingTo("0.4");
        assertThat(amended.venueOrderId()).isEqualTo(engine.order("first").orElseThrow().venueOrderId());
        // the bar may fill 0.5 (half of its volume 1): "first" is still ahead and takes its whole 0.4, "second" the 0.1 left;
        // had the amend sent "first" to the back, "second" would have taken all 0.5
        assertThat(engine.order("first").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(engine.order("first").orElseThrow().filledQuantity()).isEqualByComparingTo("0.4");
        assertThat(engine.order("second").orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(engine.order("second").orElseThrow().filledQuantity()).isEqualByComparingTo("0.1");
    }

    @Test
    void theFundsOfTheQuantityTakenAwayAreReleased() {
        MatchingEngine engine = halfOfEachBar();
        engine.submit(limit("buy", Side.BUY, "1", "98"));
        assertThat(usdt(engine).locked()).isEqualByComparingTo("98.098"); // 1 x 98 plus 10 bps

        engine.reduceRestingQuantity("BTCUSDT", "buy", d("0.25"));

        assertThat(usdt(engine).locked()).isEqualByComparingTo("24.5245"); // 0.25 x 98 x 1.001
        assertThat(usdt(engine).free()).isEqualByComparingTo("9975.4755"); // 10000 - 24.5245
    }

    @Test
    void aQuantityAtOrBelowTheFilledPartIsRefusedAndTheOrderStaysAsItWas() {
        MatchingEngine engine = halfOfEachBar();
        engine.submit(limit("big", Side.BUY, "1", "98"));
        engine.onBar(bar(1, "99", "99", "97", "97.5")); // fills 0.5 of 1
        Order before = engine.order("big").orElseThrow();
        assertThat(before.filledQuantity()).isEqualByComparingTo("0.5");

        OrderRejectedException atFilled = catchThrowableOfType(OrderRejectedException.class,
                () -> engine.reduceRestingQuantity("BTCUSDT", "big", d("0.5")));
        OrderRejectedException belowFilled = catchThrowableOfType(OrderRejectedException.class,
                () -> engine.reduceRestingQuantity("BTCUSDT", "big", d("0.3")));

        assertThat(atFilled.rule()).isEqualTo("AMEND_BELOW_FILLED");
        assertThat(atFilled.getMessage()).contains("0.5").contains("already filled").contains("big");
        assertThat(belowFilled.rule()).isEqualTo("AMEND_BELOW_FILLED");
        assertThat(engine.order("big").orElseThrow()).isEqualTo(before);

        Order amended = engine.reduceRestingQuantity("BTCUSDT", "big", d("0.7"));
        assertThat(amended.remainingQuantity()).isEqualByComparingTo("0.2");
        assertThat(amended.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void onlyADecreaseIsTaken() {
        MatchingEngine engine = halfOfEachBar();
        engine.submit(limit("b", Side.BUY, "1", "98"));

        OrderRejectedException same = catchThrowableOfType(OrderRejectedException.class, () -> engine.reduceRestingQuantity("BTCUSDT", "b", d("1")));
        OrderRejectedException more = catchThrowableOfType(OrderRejectedException.class, () -> engine.reduceRestingQuantity("BTCUSDT", "b", d("1.5")));
        OrderRejectedException offStep = catchThrowableOfType(OrderRejectedException.class,
                () -> engine.reduceRestingQuantity("BTCUSDT", "b", d("0.123456")));

        assertThat(same.rule()).isEqualTo("AMEND_INCREASE");
        assertThat(more.rule()).isEqualTo("AMEND_INCREASE");
        assertThat(more.getMessage()).contains("quantity increase");
        assertThat(offStep.rule()).isEqualTo("LOT_SIZE");
        assertThat(engine.order("b").orElseThrow().quantity()).isEqualByComparingTo("1");
    }

    @Test
    void anOrderThatIsNotOpenCannotBeAmended() {
        MatchingEngine engine = halfOfEachBar();
        engine.submit(limit("gone", Side.BUY, "0.1", "98"));
        engine.cancel("BTCUSDT", "gone");

        ExchangeException canceled = catchThrowableOfType(ExchangeException.class, () -> engine.reduceRestingQuantity("BTCUSDT", "gone", d("0.05")));
        ExchangeException unknown = catchThrowableOfType(ExchangeException.class, () -> engine.reduceRestingQuantity("BTCUSDT", "never", d("0.05")));

        assertThat(canceled.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(unknown.category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(unknown.getMessage()).contains("never");
    }

    @Test
    void theListenerHearsTheAmendedOrder() {
        MatchingEngine engine = halfOfEachBar();
        List<Order> heard = new ArrayList<>();
        engine.submit(limit("told", Side.BUY, "1", "98"));
        engine.setListener(new MatchingEngine.Listener() {
            @Override
            public void onOrder(Order order) {
                heard.add(order);
            }

            @Override
            public void onFill(io.tradekit.api.Fill fill) {
            }
        });

        engine.reduceRestingQuantity("BTCUSDT", "told", d("0.6"));

        assertThat(heard).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("told");
            assertThat(o.quantity()).isEqualByComparingTo("0.6");
            assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        });
    }

    private static Balance usdt(MatchingEngine engine) {
        return engine.balances().stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow();
    }
}
