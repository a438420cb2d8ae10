package io.tradekit.binance;

import io.tradekit.api.CancelReplaceResult;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Market orders by quote amount, self-trade-prevention mode and cancel-replace, against the simulator over loopback. */
class BinanceOrderExtrasTest {

    private SimulatedBinance venue;

    @AfterEach
    void stop() {
        if (venue != null) venue.close();
    }

    private BinanceAdapter start(Map<String, String> params) {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5);
        return venue.adapter(params);
    }

    private static OrderRequest limit(String id, Side side, String quantity, String price) {
        return new OrderRequest(id, "ETHUSDT", side, OrderType.LIMIT, new BigDecimal(quantity), Optional.of(new BigDecimal(price)),
                TimeInForce.GTC, false);
    }

    @Test
    void marketOrderByQuoteAmountBuysAsMuchAsTheAmountPays() {
        BinanceAdapter binance = start(Map.of());

        OrderAck ack = binance.placeMarketByQuote("quote-1", "ETHUSDT", Side.BUY, new BigDecimal("100"));

        // last close = 100 + 10 sin(4/7) = 105.41, the simulated ask one tick above = 105.42;
        // 100 / 105.42 = 0.948586..., down to the 0.0001 step = 0.9485
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ack.filledQuantity()).isEqualByComparingTo("0.9485");
        Order atVenue = venue.sim.orders().stream().filter(o -> o.clientOrderId().equals("quote-1")).findFirst().orElseThrow();
        assertThat(atVenue.quantity()).isEqualByComparingTo("0.9485");
        assertThatThrownBy(() -> binance.placeMarketByQuote("quote-2", "ETHUSDT", Side.BUY, BigDecimal.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quote amount must be positive");
    }

    @Test
    void selfTradePreventionModeIsSentWhenTheSymbolAllowsIt() {
        BinanceAdapter binance = start(Map.of("selfTradePreventionMode", "expire_taker"));
        venue.sim.allowSelfTradePrevention(Set.of("NONE", "EXPIRE_TAKER", "EXPIRE_BOTH"));

        binance.instrument("ETHUSDT");
        OrderAck ack = binance.place(limit("stp-1", Side.BUY, "0.1", "90.00"));

        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void selfTradePreventionModeTheSymbolDoesNotAllowIsRefused() {
        BinanceAdapter checked = start(Map.of("selfTradePreventionMode", "EXPIRE_MAKER"));
        venue.sim.allowSelfTradePrevention(Set.of("NONE", "EXPIRE_TAKER"));

        // read from exchangeInfo: refused before any order is sent, naming what the symbol allows
        assertThatThrownBy(() -> checked.instrument("ETHUSDT")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("EXPIRE_MAKER").hasMessageContaining("[EXPIRE_TAKER, NONE]");
        // an adapter that never read the filters sends it, and the venue refuses it with its own -1013
        BinanceAdapter unchecked = venue.adapter(Map.of("selfTradePreventionMode", "EXPIRE_MAKER"));
        ExchangeException refused = catchThrowableOfType(ExchangeException.class, () -> unchecked.place(limit("stp-2", Side.BUY, "0.1", "90.00")));

        assertThat(refused.category()).isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(refused.venueCode()).isEqualTo("-1013");
        assertThat(refused.getMessage()).contains("This symbol does not allow the specified self-trade prevention mode.");
        assertThat(venue.sim.orders()).isEmpty();
    }

    @Test
    void cancelReplaceCancelsOneOrderAndPlacesAnother() {
        BinanceAdapter binance = start(Map.of());
        binance.place(limit("old-1", Side.BUY, "0.1", "90.00"));

        CancelReplaceResult result = binance.cancelReplace("old-1", limit("new-1", Side.BUY, "0.2", "91.00"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.canceled().orElseThrow().clientOrderId()).isEqualTo("old-1");
        assertThat(result.placed().orElseThrow().clientOrderId()).isEqualTo("new-1");
        assertThat(binance.lookup("ETHUSDT", "old-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(binance.lookup("ETHUSDT", "new-1").orElseThrow().quantity()).isEqualByComparingTo("0.2");
    }

    @Test
    void cancelReplaceWhoseNewOrderIsRefusedReportsTheCancelThatWentThrough() {
        BinanceAdapter binance = start(Map.of());
        binance.place(limit("old-2", Side.BUY, "0.1", "90.00"));
        // a post-only buy above the ask (105.42) would take: the venue refuses it after the cancel (409, -2021)
        OrderRequest taker = new OrderRequest("new-2", "ETHUSDT", Side.BUY, OrderType.LIMIT_MAKER, new BigDecimal("0.1"),
                Optional.of(new BigDecimal("110.00")), TimeInForce.GTC, false);

        CancelReplaceResult result = binance.cancelReplace("old-2", taker);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.canceled().orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(result.placed()).isEmpty();
        assertThat(result.newOrderError().orElseThrow().venueCode()).isEqualTo("-2010");
        assertThat(result.newOrderError().orElseThrow().getMessage()).contains("Order would immediately match and take.");
        assertThat(binance.lookup("ETHUSDT", "old-2").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(binance.lookup("ETHUSDT", "new-2")).isEmpty();
    }

    @Test
    void cancelReplaceOfAnUnknownOrderPlacesNothing() {
        BinanceAdapter binance = start(Map.of());

        CancelReplaceResult result = binance.cancelReplace("never-placed", limit("new-3", Side.BUY, "0.1", "90.00"));

        assertThat(result.canceled()).isEmpty();
        assertThat(result.cancelError().orElseThrow().category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(result.cancelError().orElseThrow().venueCode()).isEqualTo("-2011");
        assertThat(result.newOrderError()).isEmpty();
        assertThat(result.placed()).isEmpty();
        assertThat(venue.sim.orders()).isEmpty();
    }
}
