package io.tradekit.binance;

import io.tradekit.api.Instrument;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.binance.sim.BinanceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One adapter trading and streaming two symbols: filters per symbol, one combined stream, user events routed by symbol. */
class BinanceSeveralSymbolsTest {

    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("10"));

    private SimulatedBinance venue;

    @AfterEach
    void stop() {
        if (venue != null) venue.close();
    }

    private BinanceAdapter start() {
        venue = new SimulatedBinance(TestBars.wave("ETHUSDT", Timeframe.M1, 20), 5, "secret-" + UUID.randomUUID(),
                o -> o.withBalances(Map.of("USDT", new BigDecimal("100000")))
                        .withMarket(new BinanceSimulator.Market(BTC, TestBars.wave("BTCUSDT", Timeframe.M1, 20))));
        return venue.adapter();
    }

    private static OrderRequest market(String id, String symbol, String quantity) {
        return new OrderRequest(id, symbol, Side.BUY, OrderType.MARKET, new BigDecimal(quantity), Optional.empty(), TimeInForce.GTC, false);
    }

    @Test
    void eachSymbolKeepsItsOwnFilters() {
        BinanceAdapter binance = start();

        Instrument eth = binance.instrument("ETHUSDT");
        Instrument btc = binance.instrument("BTCUSDT");

        assertThat(eth.stepSize()).isEqualByComparingTo("0.0001");
        assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        // 0.1005 is on ETH's 0.0001 step and off BTC's 0.001: the venue judges each symbol by its own LOT_SIZE
        assertThatThrownBy(() -> binance.place(market("btc-off-step", "BTCUSDT", "0.1005"))).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("BTCUSDT").hasMessageContaining("-1013 Filter failure: LOT_SIZE");
        binance.place(market("eth-on-step", "ETHUSDT", "0.1005"));
        assertThat(venue.sim.orders()).extracting(o -> o.clientOrderId()).containsExactly("eth-on-step");
    }

    @Test
    void barsOfBothSymbolsArriveAndFillsAreRoutedBySymbol() {
        BinanceAdapter binance = start();
        RecordingSink events = new RecordingSink();
        binance.subscribeBars("ETHUSDT", Timeframe.M1);
        binance.subscribeBars("BTCUSDT", Timeframe.M1);
        binance.connect(events);
        events.await(Event.ConnectionChanged.class, c -> c.stream().equals("user") && c.state() == ConnectionState.CONNECTED);
        SimulatedBinance.awaitTrue("both kline streams subscribed", () -> venue.sim.klineSubscribers() == 1);
        events.await(Event.BarClosed.class, b -> b.bar().symbol().equals("BTCUSDT")); // the seam bar read over REST

        venue.sim.step();
        binance.place(market("eth-buy", "ETHUSDT", "0.5"));
        binance.place(market("btc-buy", "BTCUSDT", "0.25"));

        // bar 5 of the wave: 100 + 10 sin(5/7) = 106.55 for both symbols, on one combined connection
        Event.BarClosed ethBar = events.await(Event.BarClosed.class, b -> b.bar().symbol().equals("ETHUSDT") && b.bar().openTime()
                .equals(TestBars.START.plusSeconds(5 * 60)));
        Event.BarClosed btcBar = events.await(Event.BarClosed.class, b -> b.bar().symbol().equals("BTCUSDT") && b.bar().openTime()
                .equals(TestBars.START.plusSeconds(5 * 60)));
        assertThat(ethBar.bar().close()).isEqualByComparingTo("106.55");
        assertThat(btcBar.bar().close()).isEqualByComparingTo("106.55");
        Event.FillReceived ethFill = events.await(Event.FillReceived.class, f -> f.fill().clientOrderId().equals("eth-buy"));
        Event.FillReceived btcFill = events.await(Event.FillReceived.class, f -> f.fill().clientOrderId().equals("btc-buy"));
        assertThat(ethFill.fill().symbol()).isEqualTo("ETHUSDT");
        assertThat(ethFill.fill().quantity()).isEqualByComparingTo("0.5");
        assertThat(btcFill.fill().symbol()).isEqualTo("BTCUSDT");
        assertThat(btcFill.fill().quantity()).isEqualByComparingTo("0.25");
        assertThat(binance.fills("BTCUSDT", TestBars.START)).extracting(f -> f.clientOrderId()).containsExactly("btc-buy");
    }
}
