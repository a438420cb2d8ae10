package io.tradekit.core.internal;

import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradekit.core.internal.OrderManagerTest.T;
import static io.tradekit.core.internal.OrderManagerTest.fill;
import static io.tradekit.core.internal.OrderManagerTest.newOrder;
import static io.tradekit.core.internal.OrderManagerTest.update;
import static org.assertj.core.api.Assertions.assertThat;

/** The order state machine takes an amended quantity: only downwards, only on an open order. */
class OrderManagerAmendTest {

    @Test
    void anOpenOrderTakesALowerQuantityAndFillsUpToIt() {
        OrderManager m = new OrderManager("bot");
        Order o = newOrder(m, "1");
        m.onUpdate(update(o, OrderStatus.NEW));
        m.onFill(fill(o, "t1", "0.3", "100"));

        Order amended = m.onAmended(o.clientOrderId(), new BigDecimal("0.5"), T).orElseThrow();
        Order done = m.onFill(fill(o, "t2", "0.2", "100")).orElseThrow();

        assertThat(amended.quantity()).isEqualByComparingTo("0.5");
        assertThat(amended.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED); // 0.3 + 0.2 reach the amended 0.5
        assertThat(m.openOrders()).isEmpty();
    }

    @Test
    void aHigherOrEqualQuantityOrAClosedOrderChangesNothing() {
        OrderManager m = new OrderManager("bot");
        Order o = newOrder(m, "1");
        m.onUpdate(update(o, OrderStatus.NEW));

        assertThat(m.onAmended(o.clientOrderId(), new BigDecimal("1"), T)).isEmpty();
        assertThat(m.onAmended(o.clientOrderId(), new BigDecimal("2"), T)).isEmpty();
        m.onUpdate(update(o, OrderStatus.CANCELED));
        assertThat(m.onAmended(o.clientOrderId(), new BigDecimal("0.5"), T)).isEmpty();
        assertThat(m.get(o.clientOrderId()).orElseThrow().quantity()).isEqualByComparingTo("1");
    }

    @Test
    void aLookupThatFindsALowerQuantityAtTheVenueTakesIt() {
        OrderManager m = new OrderManager("bot");
        Order o = newOrder(m, "1");
        m.onUpdate(update(o, OrderStatus.NEW));
        // the venue's view after an amend whose answer was lost: quantity 0.4, 0.4 filled, so FILLED there
        Order atVenue = o.withVenueOrderId("v1").withQuantity(new BigDecimal("0.4"), T)
                .withFilled(new BigDecimal("0.4"), new BigDecimal("100"), OrderStatus.FILLED, T);

        Order after = m.onLookup(atVenue, T).orElseThrow();
        m.onFill(fill(o, "t1", "0.4", "100"));

        assertThat(after.quantity()).isEqualByComparingTo("0.4");
        assertThat(m.get(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }
}
