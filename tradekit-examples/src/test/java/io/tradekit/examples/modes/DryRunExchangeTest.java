package io.tradekit.examples.modes;

import io.tradekit.api.Balance;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.binance.BinanceAdapter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradekit.examples.modes.BinanceOnLoopback.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The dry-run venue around a real Binance adapter on the simulator: reads and market data come from the
 * venue, orders and cancels stay local, and the account's own orders (placed by someone else) neither
 * reach the bot nor can be cancelled by it.
 */
class DryRunExchangeTest {

    private static OrderRequest limitBuy(String id, String quantity, String price) {
        return OrderRequest.of(id, OrderIntent.limit(SYMBOL, Side.BUY, new BigDecimal(quantity), new BigDecimal(price)));
    }

    private static BigDecimal usdt(List<Balance> balances) {
        return balances.stream().filter(b -> b.asset().equals("USDT")).map(Balance::free).findFirst().orElseThrow();
    }

    private static boolean updateOf(Event e, String clientOrderId) {
        return e instanceof Event.OrderUpdated u && u.update().clientOrderId().equals(clientOrderId)
                || e instanceof Event.FillReceived f && f.fill().clientOrderId().equals(clientOrderId);
    }

    @Test
    void ordersAndCancelsStayLocalWhileReadsAndMarketDataComeFromTheVenue() {
        try (BinanceOnLoopback venue = new BinanceOnLoopback(300, 20, 12);
             DryRunExchange dry = new DryRunExchange(venue.adapter());
             BinanceAdapter someoneElse = venue.adapter()) {
            List<Event> seen = new CopyOnWriteArrayList<>();
            List<Event> theirs = new CopyOnWriteArrayList<>();
            dry.subscribeBars(SYMBOL, Timeframe.M5);
            dry.connect(seen::add);
            someoneElse.connect(theirs::add);
            BinanceOnLoopback.await("both user streams subscribed", () -> venue.sim.userDataSubscribers() == 2);

            OrderAck ack = dry.place(limitBuy("dry-1", "0.5", "1500.00"));

            assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
            assertThat(ack.filledQuantity()).isZero();
            assertThat(ack.venueOrderId()).startsWith("dry-run-");
            assertThat(dry.lookup(SYMBOL, "dry-1")).map(Order::status).contains(OrderStatus.NEW);
            assertThat(dry.openOrders(SYMBOL)).extracting(Order::clientOrderId).containsExactly("dry-1");
            assertThat(dry.wouldBeOrders()).extracting(w -> w.request().clientOrderId()).containsExactly("dry-1");
            assertThat(venue.sim.requests("POST", "/api/v3/order")).as("nothing sent").isZero();
            assertThat(usdt(dry.balances())).as("the account read from the venue").isEqualByComparingTo(usdt(venue.sim.balances()))
                    .isEqualByComparingTo("10000");
            assertThat(dry.instrument(SYMBOL)).isEqualTo(venue.sim.instrument());

            someoneElse.place(limitBuy("real-1", "0.1", "1000.00"));
            BinanceOnLoopback.await("the account's own order reported to its owner", () -> theirs.stream().anyMatch(e -> updateOf(e, "real-1")));
            dry.cancel(SYMBOL, "real-1");
            dry.cancel(SYMBOL, "dry-1");
            venue.sim.step();
            BinanceOnLoopback.await("the next bar from the venue", () -> seen.stream().anyMatch(e -> e instanceof Event.BarClosed));

            assertThat(venue.sim.requests("DELETE", "/api/v3/order")).as("no cancel sent").isZero();
            assertThat(venue.sim.orders()).filteredOn(o -> o.clientOrderId().equals("real-1")).extracting(Order::status)
                    .containsExactly(OrderStatus.NEW);
            assertThat(seen).as("the account's own orders are not the dry run's").noneMatch(e -> updateOf(e, "real-1"));
            assertThat(dry.lookup(SYMBOL, "real-1")).isEmpty();
            assertThat(seen).filteredOn(e -> updateOf(e, "dry-1")).extracting(e -> ((Event.OrderUpdated) e).update().status())
                    .containsExactly(OrderStatus.CANCELED);
            assertThat(dry.lookup(SYMBOL, "dry-1")).map(Order::status).contains(OrderStatus.CANCELED);
            assertThat(dry.fills(SYMBOL, Instant.EPOCH)).isEmpty();

            ExchangeException duplicate = catchThrowableOfType(ExchangeException.class, () -> dry.place(limitBuy("dry-1", "0.5", "1500.00")));
            assertThat(duplicate.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
            dry.place(limitBuy("dry-2", "0.5", "1400.00"));
            dry.place(limitBuy("dry-3", "0.5", "1300.00"));
            assertThat(dry.cancelAll(SYMBOL)).isEqualTo(2);
            assertThat(dry.openOrders(SYMBOL)).isEmpty();
            assertThat(venue.sim.requests("POST", "/api/v3/order")).as("only the other client's order reached the venue").isEqualTo(1);
            assertThat(venue.sim.requests("DELETE", "/api/v3/openOrders")).isZero();
        }
    }
}
